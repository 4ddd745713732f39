package io.collections.adapter.http.routes;

import io.collections.application.Transactions;
import io.collections.application.collection.AddProductToCollection;
import io.collections.application.collection.CreateCollection;
import io.collections.application.collection.DeleteCollection;
import io.collections.application.collection.GetCollection;
import io.collections.application.collection.ListCollectionProducts;
import io.collections.application.collection.ListCollections;
import io.collections.application.collection.RemoveProductFromCollection;
import io.collections.application.collection.UpdateCollection;
import io.collections.application.product.CreateProduct;
import io.collections.application.product.DeleteProduct;
import io.collections.application.product.GetProduct;
import io.collections.application.product.ListProducts;
import io.collections.application.product.UpdateProduct;
import io.collections.application.product.UpsertProducts;
import io.collections.domain.IdGenerator;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.ProductCatalog;
import java.time.Clock;

/** The use cases the HTTP API calls, one field per user action. */
public record UseCases(
        CreateCollection createCollection,
        ListCollections listCollections,
        GetCollection getCollection,
        UpdateCollection updateCollection,
        DeleteCollection deleteCollection,
        ListCollectionProducts listCollectionProducts,
        AddProductToCollection addProductToCollection,
        RemoveProductFromCollection removeProductFromCollection,
        CreateProduct createProduct,
        ListProducts listProducts,
        GetProduct getProduct,
        UpdateProduct updateProduct,
        DeleteProduct deleteProduct,
        UpsertProducts upsertProducts) {

    /** Every use case over one storage. */
    public static UseCases over(Transactions transactions, CollectionRepository collections, ProductCatalog catalog,
            IdGenerator ids, Clock clock) {
        return new UseCases(
                new CreateCollection(transactions, collections, ids, clock),
                new ListCollections(transactions, collections),
                new GetCollection(transactions, collections),
                new UpdateCollection(transactions, collections, clock),
                new DeleteCollection(transactions, collections),
                new ListCollectionProducts(transactions, collections),
                new AddProductToCollection(transactions, collections, catalog),
                new RemoveProductFromCollection(transactions, collections),
                new CreateProduct(transactions, catalog, collections, ids, clock),
                new ListProducts(transactions, catalog),
                new GetProduct(transactions, catalog),
                new UpdateProduct(transactions, catalog, collections, clock),
                new DeleteProduct(transactions, catalog, collections),
                new UpsertProducts(transactions, catalog, collections, ids, clock));
    }
}
