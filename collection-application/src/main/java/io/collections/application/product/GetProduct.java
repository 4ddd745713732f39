package io.collections.application.product;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.ProductId;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;

/** Reads one product of the caller's catalog. */
public final class GetProduct {
    private final Transactions transactions;
    private final ProductCatalog catalog;

    public GetProduct(Transactions transactions, ProductCatalog catalog) {
        this.transactions = transactions;
        this.catalog = catalog;
    }

    public Product execute(Caller caller, ProductId id) {
        caller.requireRead();
        return transactions.inTransaction(() -> UseCaseSupport.product(catalog, caller.clientId(), id));
    }
}
