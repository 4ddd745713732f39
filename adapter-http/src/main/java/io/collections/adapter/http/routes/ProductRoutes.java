package io.collections.adapter.http.routes;

import io.collections.adapter.http.json.ProductInput;
import io.collections.adapter.http.json.ProductJson;
import io.collections.adapter.http.routes.UseCases;
import io.collections.application.Caller;
import io.collections.application.product.UpdateProduct;
import io.collections.application.product.UpsertProducts;
import io.collections.domain.InvalidInputException;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.product.Product;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The catalog: {@code /v1/products}, one at a time and in batches. */
public final class ProductRoutes implements EndpointGroup {
    static final String TAG = "products";

    private final ApiRoutes routes;
    private final UseCases useCases;
    private final RequestBodies bodies;
    private final Responses responses;

    public ProductRoutes(ApiRoutes routes, UseCases useCases, RequestBodies bodies, Responses responses) {
        this.routes = routes;
        this.useCases = useCases;
        this.bodies = bodies;
        this.responses = responses;
    }

    /** The answer of a batch: the resulting products, in the order of the request's items. */
    public record BatchJson(List<ProductJson> products) {
    }

    @Override
    public void addEndpoints() {
        routes.post("/v1/products", Operation.of(TAG, "Create a product")
                .request("ProductInput").response(201, "Product"), this::create);
        routes.get("/v1/products", Operation.of(TAG, "List products, newest first")
                .query("limit", "cursor").response(200, "Product[]"), this::list);
        routes.post("/v1/products/batch", Operation.of(TAG,
                "Create (no id) or merge-patch (with id) up to 1000 products in one transaction")
                .request("ProductBatch").response(200, "ProductBatchResult").bodyLimit(RequestBodies.BATCH_LIMIT),
                this::batch);
        routes.get("/v1/products/{id}", Operation.of(TAG, "Read a product, with its ETag")
                .response(200, "Product"), this::get);
        routes.patch("/v1/products/{id}", Operation.of(TAG, "Change a product (JSON merge patch; If-Match)")
                .request("ProductInput").response(200, "Product"), this::patch);
        routes.delete("/v1/products/{id}", Operation.of(TAG, "Delete a product and its memberships")
                .response(200, "Empty"), this::delete);
    }

    private void create(Context ctx, Caller caller) {
        var change = ProductInput.change(bodies.json(ctx));
        Product created = useCases.createProduct().execute(caller,
                change.apply(io.collections.domain.product.ProductDetails.builder()).build());
        ctx.header("Location", "/v1/products/" + created.id());
        ctx.header("ETag", ETags.of(created, responses.codec()));
        responses.json(ctx, 201, ProductJson.from(created));
    }

    private void list(Context ctx, Caller caller) {
        PageRequest request = Paging.pageRequest(ctx);
        Page<Product> page = useCases.listProducts().execute(caller, request);
        Paging.link(ctx, page, request, Map.of());
        responses.json(ctx, 200, page.items().stream().map(ProductJson::from).toList());
    }

    private void get(Context ctx, Caller caller) {
        Product product = useCases.getProduct().execute(caller, id(ctx));
        String etag = ETags.of(product, responses.codec());
        ctx.header("ETag", etag);
        if (ETags.matchesWeak(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        responses.json(ctx, 200, ProductJson.from(product));
    }

    /** Products carry no version: {@code If-Match} is compared with the tag of the product as it is when held. */
    private void patch(Context ctx, Caller caller) {
        ProductId id = id(ctx);
        var change = ProductInput.change(bodies.json(ctx));
        Product changed = useCases.updateProduct().execute(caller, new UpdateProduct.Command(id, change,
                ifMatch(ctx)));
        ctx.header("ETag", ETags.of(changed, responses.codec()));
        responses.json(ctx, 200, ProductJson.from(changed));
    }

    private void delete(Context ctx, Caller caller) {
        useCases.deleteProduct().execute(caller, id(ctx), ifMatch(ctx));
        responses.empty(ctx);
    }

    /** Whether the product matches the request's {@code If-Match} ({@code *}: any); true without one. */
    private Predicate<Product> ifMatch(Context ctx) {
        String ifMatch = ctx.header("If-Match");
        return ifMatch == null ? product -> true
                : product -> ETags.matchesStrong(ifMatch, ETags.of(product, responses.codec()));
    }

    private void batch(Context ctx, Caller caller) {
        List<UpsertProducts.Item> items = ProductInput.batch(bodies.json(ctx), UpsertProducts.MAX_ITEMS).stream()
                .map(item -> new UpsertProducts.Item(item.id(), item.change()))
                .toList();
        List<Product> products;
        try {
            products = useCases.upsertProducts().execute(caller, items);
        } catch (InvalidInputException e) {
            if (e.field().startsWith("[")) {
                throw new InvalidInputException("products" + e.field(), e.reason());
            }
            throw e;
        }
        responses.json(ctx, 200, new BatchJson(products.stream().map(ProductJson::from).toList()));
    }

    private static ProductId id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.equals("batch")) {
            // /v1/products/batch is a route of its own (POST only), not a product whose id fails to parse.
            throw new MethodNotAllowedResponse("", Map.of("availableMethods", "POST"));
        }
        return ProductId.parse(id);
    }
}
