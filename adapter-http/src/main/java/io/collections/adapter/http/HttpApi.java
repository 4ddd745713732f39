package io.collections.adapter.http;

import io.collections.adapter.http.routes.UseCases;
import io.collections.adapter.http.routes.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.http.auth.Authenticator;
import io.collections.adapter.http.json.JsonCodec;
import io.collections.adapter.http.openapi.OpenApiDocument;
import io.collections.adapter.http.routes.ApiRoutes;
import io.collections.adapter.http.routes.CollectionProductRoutes;
import io.collections.adapter.http.routes.CollectionRoutes;
import io.collections.adapter.http.routes.ErrorMapping;
import io.collections.adapter.http.routes.Idempotency;
import io.collections.adapter.http.routes.JsonErrorHandler;
import io.collections.adapter.http.routes.OpsRoutes;
import io.collections.adapter.http.routes.QueryStrings;
import io.collections.adapter.http.routes.ProductRoutes;
import io.collections.adapter.http.routes.RequestBodies;
import io.collections.adapter.http.routes.RequestObserver;
import io.collections.adapter.http.routes.Responses;
import io.collections.application.idempotency.IdempotencyStore;
import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.GracefulHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Collections API as a Javalin app, configured but not started: bootstrap starts it on its port, tests run
 * it with {@code JavalinTest}. Every route, the error mapping, request logging, metrics and the OpenAPI document
 * are set up here; more routes (integrations, imports) come in as {@link ApiModule}s.
 */
public final class HttpApi {
    /** How long stopping waits for the requests in flight (a synchronous import among them) to finish. */
    public static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final UseCases useCases;
    private final Authenticator authenticator;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final HealthCheck health;
    private final PrometheusMeterRegistry registry;
    private final List<ApiModule> modules;

    public HttpApi(UseCases useCases, Authenticator authenticator, IdempotencyStore idempotency, Clock clock,
            HealthCheck health, PrometheusMeterRegistry registry) {
        this(useCases, authenticator, idempotency, clock, health, registry, List.of());
    }

    private HttpApi(UseCases useCases, Authenticator authenticator, IdempotencyStore idempotency, Clock clock,
            HealthCheck health, PrometheusMeterRegistry registry, List<ApiModule> modules) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = Objects.requireNonNull(health, "health");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.modules = List.copyOf(modules);
    }

    /** The same API with the routes of {@code module} added. */
    public HttpApi withModule(ApiModule module) {
        List<ApiModule> more = new ArrayList<>(modules);
        more.add(Objects.requireNonNull(module, "module"));
        return new HttpApi(useCases, authenticator, idempotency, clock, health, registry, more);
    }

    /** A new, configured, not yet started app. */
    public Javalin create() {
        JsonCodec codec = new JsonCodec();
        Responses responses = new Responses(codec);
        RequestBodies bodies = new RequestBodies(codec);
        ApiRoutes routes = new ApiRoutes(authenticator, new Idempotency(idempotency, bodies, clock));
        ErrorMapping errors = new ErrorMapping(responses);
        RequestObserver observer = new RequestObserver(registry);
        OpenApi openApi = new OpenApi(codec, routes, modules);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = RequestBodies.BATCH_LIMIT;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                // Without a GracefulHandler and a stop timeout, Jetty's stop drops the requests still running.
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(STOP_GRACE.toMillis());
            });
            config.requestLogger.http(observer::end);
            config.router.javaLangErrorHandler((response, error) -> {
                LOG.error("fatal error while serving a request", error);
                writeInternalError(response);
            });
            config.routes.before(observer::begin);
            config.routes.before(QueryStrings::requireWellFormed);
            config.routes.exception(Exception.class, errors::handle);
            config.routes.error(404, errors::handleStatus);
            config.routes.error(405, errors::handleStatus);
            config.routes.apiBuilder(new CollectionRoutes(routes, useCases, bodies, responses));
            config.routes.apiBuilder(new CollectionProductRoutes(routes, useCases, bodies, responses));
            config.routes.apiBuilder(new ProductRoutes(routes, useCases, bodies, responses));
            config.routes.apiBuilder(() -> modules.forEach(module -> module.addEndpoints(routes, bodies, responses)));
            config.routes.apiBuilder(new OpsRoutes(routes, responses, health, registry, openApi::text));
        });
    }

    private static void writeInternalError(jakarta.servlet.http.HttpServletResponse response) {
        try {
            response.setStatus(500);
            response.setContentType(Responses.JSON);
            response.getOutputStream().write("{\"error\":\"internal error\",\"code\":500}"
                    .getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException | IllegalStateException e) {
            LOG.debug("could not write the 500 answer", e);
        }
    }

    /** The OpenAPI document of the routes, built once on first request (when every route is registered). */
    private static final class OpenApi {
        private final JsonCodec codec;
        private final ApiRoutes routes;
        private final List<ApiModule> modules;
        private volatile String text;

        OpenApi(JsonCodec codec, ApiRoutes routes, List<ApiModule> modules) {
            this.codec = codec;
            this.routes = routes;
            this.modules = modules;
        }

        String text() {
            String result = text;
            if (result == null) {
                Map<String, JsonNode> schemas = new HashMap<>();
                modules.forEach(module -> schemas.putAll(module.schemas()));
                result = codec.write(new OpenApiDocument(codec.mapper()).build(routes.routes(), schemas));
                text = result;
            }
            return result;
        }
    }
}
