package io.collections.application.collection;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.CollectionId;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.MemberState;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.ProductCatalog;

/** Adds a product by hand; it stays a member whatever the rules say, until it is removed by hand. */
public final class AddProductToCollection {
    private final Transactions transactions;
    private final CollectionRepository collections;
    private final ProductCatalog catalog;

    public AddProductToCollection(Transactions transactions, CollectionRepository collections, ProductCatalog catalog) {
        this.transactions = transactions;
        this.collections = collections;
        this.catalog = catalog;
    }

    public void execute(Caller caller, CollectionId collectionId, ProductId productId) {
        caller.requireWrite();
        transactions.inTransaction(() -> {
            ProductCollection collection = UseCaseSupport.collection(collections, caller.clientId(), collectionId);
            collection.ensureEditable();
            UseCaseSupport.product(catalog, caller.clientId(), productId);
            MemberState before = collections.memberState(caller.clientId(), collectionId, productId);
            MemberState after = before.afterAdd();
            if (!after.equals(before)) {
                collections.saveMemberState(caller.clientId(), collectionId, productId, after);
            }
        });
    }
}
