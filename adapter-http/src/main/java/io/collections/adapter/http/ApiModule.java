package io.collections.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.http.routes.ApiRoutes;
import io.collections.adapter.http.routes.RequestBodies;
import io.collections.adapter.http.routes.Responses;
import java.util.Map;

/**
 * More routes for the API (the integrations and imports, for instance), registered through {@link ApiRoutes}
 * so they get authentication, idempotency keys, the error mapping, metrics and a place in the OpenAPI document
 * like every other route.
 */
public interface ApiModule {
    /** Registers the module's routes; runs while the app is configured. */
    void addEndpoints(ApiRoutes routes, RequestBodies bodies, Responses responses);

    /** The schemas the module's operations name, as OpenAPI component schemas by name. */
    default Map<String, JsonNode> schemas() {
        return Map.of();
    }
}
