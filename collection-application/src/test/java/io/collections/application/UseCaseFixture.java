package io.collections.application;

import io.collections.application.collection.AddProductToCollection;
import io.collections.application.collection.CreateCollection;
import io.collections.application.collection.DeleteCollection;
import io.collections.application.collection.GetCollection;
import io.collections.application.collection.ListCollectionProducts;
import io.collections.application.collection.ListCollections;
import io.collections.application.collection.RemoveProductFromCollection;
import io.collections.application.collection.UpdateCollection;
import io.collections.application.memory.InMemoryAdapters;
import io.collections.application.product.CreateProduct;
import io.collections.application.product.DeleteProduct;
import io.collections.application.product.GetProduct;
import io.collections.application.product.ListProducts;
import io.collections.application.product.UpdateProduct;
import io.collections.application.product.UpsertProducts;
import io.collections.domain.PageRequest;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Every use case wired over one set of in-memory adapters, as a test would use them. */
public final class UseCaseFixture {
    public final InMemoryAdapters adapters = InMemoryAdapters.create();
    public final Clock clock = Clock.fixed(Instant.parse("2024-01-07T12:30:00Z"), ZoneOffset.UTC);
    public final CreateCollection createCollection =
            new CreateCollection(adapters.transactions(), adapters.collections(), adapters.ids(), clock);
    public final GetCollection getCollection = new GetCollection(adapters.transactions(), adapters.collections());
    public final ListCollections listCollections = new ListCollections(adapters.transactions(), adapters.collections());
    public final UpdateCollection updateCollection =
            new UpdateCollection(adapters.transactions(), adapters.collections(), clock);
    public final DeleteCollection deleteCollection = new DeleteCollection(adapters.transactions(), adapters.collections());
    public final ListCollectionProducts listCollectionProducts =
            new ListCollectionProducts(adapters.transactions(), adapters.collections());
    public final AddProductToCollection addProduct =
            new AddProductToCollection(adapters.transactions(), adapters.collections(), adapters.catalog());
    public final RemoveProductFromCollection removeProduct =
            new RemoveProductFromCollection(adapters.transactions(), adapters.collections());
    public final CreateProduct createProduct = new CreateProduct(adapters.transactions(), adapters.catalog(),
            adapters.collections(), adapters.ids(), clock);
    public final GetProduct getProduct = new GetProduct(adapters.transactions(), adapters.catalog());
    public final ListProducts listProducts = new ListProducts(adapters.transactions(), adapters.catalog());
    public final UpdateProduct updateProduct =
            new UpdateProduct(adapters.transactions(), adapters.catalog(), adapters.collections(), clock);
    public final DeleteProduct deleteProduct =
            new DeleteProduct(adapters.transactions(), adapters.catalog(), adapters.collections());
    public final UpsertProducts upsertProducts = new UpsertProducts(adapters.transactions(), adapters.catalog(),
            adapters.collections(), adapters.ids(), clock);

    public Product product(Caller caller, String name, String productType) {
        return createProduct.execute(caller, ProductDetails.builder().name(name).productType(productType).build());
    }

    public List<String> memberNames(Caller caller, io.collections.domain.CollectionId id) {
        return listCollectionProducts.execute(caller, id, PageRequest.first(1000)).items().stream()
                .map(p -> p.details().name()).toList();
    }
}
