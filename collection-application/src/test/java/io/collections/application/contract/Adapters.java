package io.collections.application.contract;

import io.collections.application.Transactions;
import io.collections.application.idempotency.IdempotencyStore;
import io.collections.application.memory.InMemoryAdapters;
import io.collections.domain.IdGenerator;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.ProductCatalog;

/** The ports one storage offers, as a contract test receives them, and how to let go of them afterwards. */
public record Adapters(Transactions transactions, CollectionRepository collections, ProductCatalog catalog,
        IdGenerator ids, IdempotencyStore idempotency, AutoCloseable closer) {

    public static Adapters of(InMemoryAdapters memory) {
        return new Adapters(memory.transactions(), memory.collections(), memory.catalog(), memory.ids(),
                memory.idempotency(), () -> { });
    }
}
