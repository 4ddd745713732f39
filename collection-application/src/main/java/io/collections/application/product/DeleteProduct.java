package io.collections.application.product;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.domain.NotFoundException;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.ProductCatalog;
import java.util.List;

/** Deletes a product from the catalog and from every collection that held it. */
public final class DeleteProduct {
    private final Transactions transactions;
    private final ProductCatalog catalog;
    private final CollectionRepository collections;

    public DeleteProduct(Transactions transactions, ProductCatalog catalog, CollectionRepository collections) {
        this.transactions = transactions;
        this.catalog = catalog;
        this.collections = collections;
    }

    public void execute(Caller caller, ProductId id) {
        caller.requireWrite();
        transactions.inTransaction(() -> {
            if (catalog.find(caller.clientId(), id).isEmpty()) {
                throw new NotFoundException("product", id);
            }
            collections.forgetProducts(caller.clientId(), List.of(id));
            catalog.delete(caller.clientId(), id);
        });
    }
}
