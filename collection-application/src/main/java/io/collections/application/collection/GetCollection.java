package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.CollectionId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.ProductCollection;

/** Reads one of the caller's collections; another client's is as absent as one that never existed. */
public final class GetCollection {
    private final Transactions transactions;
    private final CollectionRepository collections;

    public GetCollection(Transactions transactions, CollectionRepository collections) {
        this.transactions = transactions;
        this.collections = collections;
    }

    public ProductCollection execute(Caller caller, CollectionId id) {
        caller.requireRead();
        return transactions.inTransaction(() -> UseCaseSupport.collection(collections, caller.clientId(), id));
    }
}
