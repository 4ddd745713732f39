package io.collections.application.product;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.IdGenerator;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import io.collections.domain.product.ProductDetails;
import java.time.Clock;
import java.util.List;

/** Adds a product to the caller's catalog; every rule collection it matches counts it at once. */
public final class CreateProduct {
    private final Transactions transactions;
    private final ProductCatalog catalog;
    private final CollectionRepository collections;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateProduct(Transactions transactions, ProductCatalog catalog, CollectionRepository collections,
            IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.catalog = catalog;
        this.collections = collections;
        this.ids = ids;
        this.clock = clock;
    }

    public Product execute(Caller caller, ProductDetails details) {
        caller.requireWrite();
        return transactions.inTransaction(() -> {
            Product product = Product.create(ids.nextProductId(), caller.clientId(), details, caller.userId(),
                    UseCaseSupport.now(clock));
            catalog.insert(product);
            collections.refreshMemberships(caller.clientId(), List.of(product));
            return product;
        });
    }
}
