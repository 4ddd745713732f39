package io.collections.application.product;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;

/** Lists the caller's catalog, newest first, a page at a time. */
public final class ListProducts {
    private final Transactions transactions;
    private final ProductCatalog catalog;

    public ListProducts(Transactions transactions, ProductCatalog catalog) {
        this.transactions = transactions;
        this.catalog = catalog;
    }

    public Page<Product> execute(Caller caller, PageRequest page) {
        caller.requireRead();
        return transactions.inTransaction(() -> catalog.list(caller.clientId(), page));
    }
}
