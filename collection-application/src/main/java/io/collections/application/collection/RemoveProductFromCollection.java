package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.CollectionId;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.MemberState;
import io.collections.domain.collection.ProductCollection;

/** Removes a member by hand; if the rules still match it, it is remembered as removed so it stays out. */
public final class RemoveProductFromCollection {
    private final Transactions transactions;
    private final CollectionRepository collections;

    public RemoveProductFromCollection(Transactions transactions, CollectionRepository collections) {
        this.transactions = transactions;
        this.collections = collections;
    }

    public void execute(Caller caller, CollectionId collectionId, ProductId productId) {
        caller.requireWrite();
        transactions.inTransaction(() -> {
            ProductCollection collection = UseCaseSupport.collection(collections, caller.clientId(), collectionId);
            collection.ensureEditable();
            MemberState before = collections.memberState(caller.clientId(), collectionId, productId);
            collections.saveMemberState(caller.clientId(), collectionId, productId, before.afterRemove(productId));
        });
    }
}
