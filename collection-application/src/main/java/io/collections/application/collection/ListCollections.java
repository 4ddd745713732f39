package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.collection.CollectionFilter;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.ProductCollection;

/** Lists the caller's collections, newest first, a page at a time. */
public final class ListCollections {
    private final Transactions transactions;
    private final CollectionRepository collections;

    public ListCollections(Transactions transactions, CollectionRepository collections) {
        this.transactions = transactions;
        this.collections = collections;
    }

    public Page<ProductCollection> execute(Caller caller, CollectionFilter filter, PageRequest page) {
        caller.requireRead();
        return transactions.inTransaction(() -> collections.list(caller.clientId(), filter, page));
    }
}
