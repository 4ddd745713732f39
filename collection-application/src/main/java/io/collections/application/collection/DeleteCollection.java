package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.PreconditionFailedException;
import io.collections.application.Transactions;
import io.collections.domain.CollectionId;
import io.collections.domain.NotFoundException;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.ProductCollection;

/** Deletes a collection and its memberships; the products stay in the catalog. */
public final class DeleteCollection {
    private final Transactions transactions;
    private final CollectionRepository collections;

    public DeleteCollection(Transactions transactions, CollectionRepository collections) {
        this.transactions = transactions;
        this.collections = collections;
    }

    public void execute(Caller caller, CollectionId id) {
        execute(caller, id, null);
    }

    /**
     * Deletes the collection if its stored version is {@code expectedVersion} (If-Match), checked while the
     * collection's row is held, so a change committed meanwhile makes this a 412 instead of being deleted unseen.
     */
    public void execute(Caller caller, CollectionId id, Long expectedVersion) {
        caller.requireWrite();
        transactions.inTransaction(() -> {
            if (expectedVersion != null) {
                ProductCollection current = collections.findForUpdate(caller.clientId(), id)
                        .orElseThrow(() -> new NotFoundException("collection", id));
                if (current.version() != expectedVersion) {
                    throw new PreconditionFailedException("collection " + id + " has changed since version "
                            + expectedVersion);
                }
            }
            if (!collections.delete(caller.clientId(), id)) {
                throw new NotFoundException("collection", id);
            }
        });
    }
}
