package io.collections.application.product;

import io.collections.application.Caller;
import io.collections.application.PreconditionFailedException;
import io.collections.application.Transactions;
import io.collections.domain.NotFoundException;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import java.util.List;
import java.util.function.Predicate;

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
        execute(caller, id, product -> true);
    }

    /** Deletes the product if it still is what {@code precondition} expects (If-Match), checked under its row. */
    public void execute(Caller caller, ProductId id, Predicate<Product> precondition) {
        caller.requireWrite();
        transactions.inTransaction(() -> {
            if (catalog.find(caller.clientId(), id).isEmpty()) {
                throw new NotFoundException("product", id);
            }
            // The product's memberships (rule lock, then count rows) before its row, as an import takes them: an
            // import holds the count rows of its earlier pages when it updates the products of later ones.
            collections.forgetProducts(caller.clientId(), List.of(id));
            Product current = catalog.findForUpdate(caller.clientId(), id)
                    .orElseThrow(() -> new NotFoundException("product", id));
            if (!precondition.test(current)) {
                throw new PreconditionFailedException("product " + id + " has changed since the If-Match tag");
            }
            catalog.delete(caller.clientId(), id);
        });
    }
}
