package io.collections.application.memory;

import io.collections.application.Transactions;
import io.collections.application.idempotency.IdempotencyStore;
import io.collections.application.imports.ImportJobs;
import io.collections.domain.IdGenerator;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.ProductCatalog;

/** Every in-memory adapter over one shared store: a complete storage for embedding and tests. */
public record InMemoryAdapters(Transactions transactions, CollectionRepository collections, ProductCatalog catalog,
        IdGenerator ids, IdempotencyStore idempotency, ImportJobs imports) {

    public static InMemoryAdapters create() {
        InMemoryStore store = new InMemoryStore();
        InMemoryIdGenerator ids = new InMemoryIdGenerator();
        return new InMemoryAdapters(store, new InMemoryCollectionRepository(store), new InMemoryProductCatalog(store),
                ids, new InMemoryIdempotencyStore(), new InMemoryImportJobs(ids));
    }
}
