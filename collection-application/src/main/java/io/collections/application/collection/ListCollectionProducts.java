package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.CollectionId;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;

/** Lists a collection's members in its sort order, a page at a time. */
public final class ListCollectionProducts {
    private final Transactions transactions;
    private final CollectionRepository collections;

    public ListCollectionProducts(Transactions transactions, CollectionRepository collections) {
        this.transactions = transactions;
        this.collections = collections;
    }

    public Page<Product> execute(Caller caller, CollectionId id, PageRequest page) {
        caller.requireRead();
        return transactions.inTransaction(() -> {
            ProductCollection collection = UseCaseSupport.collection(collections, caller.clientId(), id);
            return collections.members(collection, page);
        });
    }
}
