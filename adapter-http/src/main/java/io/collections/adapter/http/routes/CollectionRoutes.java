package io.collections.adapter.http.routes;

import io.collections.adapter.http.routes.UseCases;
import io.collections.adapter.http.json.CollectionInput;
import io.collections.adapter.http.json.CollectionJson;
import io.collections.application.Caller;
import io.collections.application.PreconditionFailedException;
import io.collections.application.collection.UpdateCollection;
import io.collections.domain.CollectionId;
import io.collections.domain.InvalidInputException;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.collection.CollectionFilter;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v1/collections} and {@code /v1/collections/{id}}. */
public final class CollectionRoutes implements EndpointGroup {
    static final String TAG = "collections";

    private final ApiRoutes routes;
    private final UseCases useCases;
    private final RequestBodies bodies;
    private final Responses responses;

    public CollectionRoutes(ApiRoutes routes, UseCases useCases, RequestBodies bodies, Responses responses) {
        this.routes = routes;
        this.useCases = useCases;
        this.bodies = bodies;
        this.responses = responses;
    }

    @Override
    public void addEndpoints() {
        routes.post("/v1/collections", Operation.of(TAG, "Create a collection; only name is required")
                .request("CollectionCreate").response(201, "Collection"), this::create);
        routes.get("/v1/collections", Operation.of(TAG, "List collections, newest first")
                .query("status", "name", "limit", "cursor").response(200, "Collection[]"), this::list);
        routes.get("/v1/collections/{id}", Operation.of(TAG, "Read a collection, with its ETag")
                .response(200, "Collection"), this::get);
        routes.patch("/v1/collections/{id}", Operation.of(TAG, "Change a collection (JSON merge patch; If-Match)")
                .request("CollectionPatch").response(200, "Collection"), this::patch);
        routes.delete("/v1/collections/{id}", Operation.of(TAG, "Delete a collection and its memberships")
                .response(200, "Empty"), this::delete);
    }

    private void create(Context ctx, Caller caller) {
        ProductCollection created = useCases.createCollection().execute(caller,
                CollectionInput.create(bodies.json(ctx)));
        ctx.header("Location", "/v1/collections/" + created.id());
        ctx.header("ETag", ETags.of(created));
        responses.json(ctx, 201, CollectionJson.from(created));
    }

    private void list(Context ctx, Caller caller) {
        String statusText = Paging.single(ctx, "status");
        CollectionStatus status = statusText == null ? null : CollectionStatus.parse("status", statusText);
        String name = Paging.single(ctx, "name");
        if (name != null && name.length() > ProductCollection.MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "must be at most " + ProductCollection.MAX_NAME_LENGTH
                    + " characters");
        }
        PageRequest request = Paging.pageRequest(ctx);
        Page<ProductCollection> page = useCases.listCollections().execute(caller,
                new CollectionFilter(status, name == null || name.isEmpty() ? null : name), request);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", statusText);
        params.put("name", name);
        Paging.link(ctx, page, request, params);
        responses.json(ctx, 200, page.items().stream().map(CollectionJson::from).toList());
    }

    private void get(Context ctx, Caller caller) {
        ProductCollection collection = useCases.getCollection().execute(caller, id(ctx));
        String etag = ETags.of(collection);
        ctx.header("ETag", etag);
        if (ETags.matchesWeak(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        responses.json(ctx, 200, CollectionJson.from(collection));
    }

    private void patch(Context ctx, Caller caller) {
        CollectionId id = id(ctx);
        UpdateCollection.Command command = CollectionInput.patch(id, bodies.json(ctx));
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null) {
            Optional<Long> expected = expectedVersion(caller, id, ifMatch);
            if (expected.isPresent()) {
                command = command.withExpectedVersion(expected.get());
            }
        }
        ProductCollection changed = useCases.updateCollection().execute(caller, command);
        ctx.header("ETag", ETags.of(changed));
        responses.json(ctx, 200, CollectionJson.from(changed));
    }

    /**
     * {@code *} matches any existing collection; otherwise one of the header's tags must be ours, for this
     * collection, at its current version (the product count in the tag is not compared: membership is not a field
     * a patch changes). The version is then checked again in the write's own transaction.
     *
     * @return the version the write must find, or empty for {@code *}
     */
    private Optional<Long> expectedVersion(Caller caller, CollectionId id, String ifMatch) {
        List<String> tags = ETags.parse(ifMatch);
        if (tags.contains("*")) {
            return Optional.empty();
        }
        List<Long> versions = ETags.collectionVersions(ifMatch, id);
        if (versions.isEmpty()) {
            useCases.getCollection().execute(caller, id); // a collection that is not there (or not ours) is a 404
            throw new PreconditionFailedException("If-Match names no current version of collection " + id);
        }
        if (versions.size() == 1) {
            return Optional.of(versions.get(0));
        }
        long current = useCases.getCollection().execute(caller, id).version();
        if (!versions.contains(current)) {
            throw new PreconditionFailedException("collection " + id + " has changed since the versions in If-Match");
        }
        return Optional.of(current);
    }

    private void delete(Context ctx, Caller caller) {
        CollectionId id = id(ctx);
        String ifMatch = ctx.header("If-Match");
        Optional<Long> expected = ifMatch == null ? Optional.empty() : expectedVersion(caller, id, ifMatch);
        useCases.deleteCollection().execute(caller, id, expected.orElse(null));
        responses.empty(ctx);
    }

    static CollectionId id(Context ctx) {
        return CollectionId.parse(ctx.pathParam("id"));
    }
}
