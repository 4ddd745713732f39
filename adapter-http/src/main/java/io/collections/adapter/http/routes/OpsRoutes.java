package io.collections.adapter.http.routes;

import io.collections.adapter.http.routes.HealthCheck;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /health}, {@code /metrics} and {@code /openapi.json}: open to anyone, outside {@code /v1}. */
public final class OpsRoutes implements EndpointGroup {
    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    static final String TAG = "operations";

    private final ApiRoutes routes;
    private final Responses responses;
    private final HealthCheck health;
    private final PrometheusMeterRegistry registry;
    private final Supplier<String> openApi;

    public OpsRoutes(ApiRoutes routes, Responses responses, HealthCheck health, PrometheusMeterRegistry registry,
            Supplier<String> openApi) {
        this.routes = routes;
        this.responses = responses;
        this.health = health;
        this.registry = registry;
        this.openApi = openApi;
    }

    @Override
    public void addEndpoints() {
        routes.open(HandlerType.GET, "/health", Operation.of(TAG, "Liveness, with a database check")
                .response(200, "Health"), this::health);
        routes.open(HandlerType.GET, "/metrics", Operation.of(TAG, "Prometheus metrics")
                .response(200, "text"), this::metrics);
        routes.open(HandlerType.GET, "/openapi.json", Operation.of(TAG, "This OpenAPI 3.1 document")
                .response(200, "OpenApi"), ctx -> responses.text(ctx, 200, openApi.get()));
    }

    private void health(Context ctx) {
        boolean up;
        try {
            up = health.databaseReachable();
        } catch (RuntimeException e) {
            LOG.warn("health check failed: {}", e.getClass().getName());
            up = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "ok" : "unavailable");
        body.put("database", up ? "ok" : "unreachable");
        if (!up) {
            body.put("error", "the database does not answer");
            body.put("code", 503);
        }
        responses.json(ctx, up ? 200 : 503, body);
    }

    private void metrics(Context ctx) {
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
