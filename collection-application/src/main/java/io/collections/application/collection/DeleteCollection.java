package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.domain.CollectionId;
import io.collections.domain.NotFoundException;
import io.collections.domain.collection.CollectionRepository;

/** Deletes a collection and its memberships; the products stay in the catalog. */
public final class DeleteCollection {
    private final Transactions transactions;
    private final CollectionRepository collections;

    public DeleteCollection(Transactions transactions, CollectionRepository collections) {
        this.transactions = transactions;
        this.collections = collections;
    }

    public void execute(Caller caller, CollectionId id) {
        caller.requireWrite();
        transactions.inTransaction(() -> {
            if (!collections.delete(caller.clientId(), id)) {
                throw new NotFoundException("collection", id);
            }
        });
    }
}
