package io.collections.adapter.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.http.routes.UseCases;
import io.collections.adapter.http.json.JsonFields;
import io.collections.adapter.http.json.ProductJson;
import io.collections.application.Caller;
import io.collections.domain.InvalidInputException;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.product.Product;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** The members of a collection: {@code /v1/collections/{id}/products}. */
public final class CollectionProductRoutes implements EndpointGroup {
    private final ApiRoutes routes;
    private final UseCases useCases;
    private final RequestBodies bodies;
    private final Responses responses;

    public CollectionProductRoutes(ApiRoutes routes, UseCases useCases, RequestBodies bodies, Responses responses) {
        this.routes = routes;
        this.useCases = useCases;
        this.bodies = bodies;
        this.responses = responses;
    }

    @Override
    public void addEndpoints() {
        String tag = CollectionRoutes.TAG;
        routes.get("/v1/collections/{id}/products", Operation.of(tag, "List the members in the collection's sort_by order")
                .query("limit", "cursor").response(200, "Product[]"), this::list);
        routes.post("/v1/collections/{id}/products", Operation.of(tag, "Add a product by hand; adding a member again changes nothing")
                .request("ProductReference").response(200, "Empty"), this::add);
        routes.delete("/v1/collections/{id}/products", Operation.of(tag, "Remove a member named in the body")
                .request("ProductReference").response(200, "Empty"), this::removeNamedInBody);
        routes.delete("/v1/collections/{id}/products/{product_id}", Operation.of(tag, "Remove a member")
                .response(200, "Empty"), this::removeNamedInPath);
    }

    private void list(Context ctx, Caller caller) {
        PageRequest request = Paging.pageRequest(ctx);
        Page<Product> page = useCases.listCollectionProducts().execute(caller, CollectionRoutes.id(ctx), request);
        Paging.link(ctx, page, request, Map.of());
        responses.json(ctx, 200, page.items().stream().map(ProductJson::from).toList());
    }

    private void add(Context ctx, Caller caller) {
        useCases.addProductToCollection().execute(caller, CollectionRoutes.id(ctx), productReference(ctx));
        responses.empty(ctx);
    }

    private void removeNamedInBody(Context ctx, Caller caller) {
        useCases.removeProductFromCollection().execute(caller, CollectionRoutes.id(ctx), productReference(ctx));
        responses.empty(ctx);
    }

    private void removeNamedInPath(Context ctx, Caller caller) {
        useCases.removeProductFromCollection().execute(caller, CollectionRoutes.id(ctx),
                ProductId.parse(ctx.pathParam("product_id")));
        responses.empty(ctx);
    }

    /** {@code {"product_id": "123"}}; the collection id is parsed first so a bad one is named before the body. */
    private ProductId productReference(Context ctx) {
        CollectionRoutes.id(ctx);
        JsonNode body = bodies.json(ctx);
        JsonFields fields = JsonFields.body(body).allowOnly(Set.of("product_id"), Set.of(), "a product reference");
        String productId = fields.string("product_id");
        if (productId == null) {
            throw new InvalidInputException("product_id", "is required");
        }
        return ProductId.parse(productId);
    }
}
