package io.collections.adapter.http.routes;

import io.collections.adapter.http.auth.AuthenticationException;
import io.collections.adapter.http.auth.Authenticator;
import io.collections.application.Caller;
import io.collections.domain.InvalidInputException;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every route is registered together with its {@link Operation}. A secured route authenticates the
 * caller and checks the role (read for GET and HEAD, write for anything else) before anything else happens; a POST
 * also honours {@code Idempotency-Key}. Call the registration methods inside an {@code EndpointGroup}.
 */
public final class ApiRoutes {
    /** A handler that is told who is calling. */
    @FunctionalInterface
    public interface CallerHandler {
        void handle(Context ctx, Caller caller) throws Exception;
    }

    /** One registered route and its documentation. */
    public record Route(HandlerType method, String path, Operation operation) {
    }

    private final Authenticator authenticator;
    private final Idempotency idempotency;
    private final List<Route> routes = new ArrayList<>();

    public ApiRoutes(Authenticator authenticator, Idempotency idempotency) {
        this.authenticator = authenticator;
        this.idempotency = idempotency;
    }

    public void get(String path, Operation operation, CallerHandler handler) {
        secured(HandlerType.GET, path, operation, handler);
    }

    public void post(String path, Operation operation, CallerHandler handler) {
        secured(HandlerType.POST, path, operation, handler);
    }

    public void patch(String path, Operation operation, CallerHandler handler) {
        secured(HandlerType.PATCH, path, operation, handler);
    }

    public void delete(String path, Operation operation, CallerHandler handler) {
        secured(HandlerType.DELETE, path, operation, handler);
    }

    /** A route anyone may call (health, metrics, the OpenAPI document). */
    public void open(HandlerType method, String path, Operation operation, Handler handler) {
        Route route = new Route(method, path, operation.open());
        register(route, ctx -> {
            enter(ctx, route);
            handler.handle(ctx);
        });
    }

    /** Every route registered so far, in order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private void secured(HandlerType method, String path, Operation operation, CallerHandler handler) {
        Route route = new Route(method, path, operation);
        Handler secured = ctx -> {
            enter(ctx, route);
            Caller caller = authenticate(ctx);
            if (method == HandlerType.GET) {
                caller.requireRead();
            } else {
                caller.requireWrite();
            }
            if (method == HandlerType.POST) {
                idempotency.run(ctx, caller, () -> handler.handle(ctx, caller));
            } else {
                handler.handle(ctx, caller);
            }
        };
        register(route, secured);
        if (method == HandlerType.GET) {
            // Javalin would otherwise answer HEAD itself with a bare 200, before any authentication.
            ApiBuilder.staticInstance().addHttpHandler(HandlerType.HEAD, path, secured);
        }
    }

    private void register(Route route, Handler handler) {
        routes.add(route);
        ApiBuilder.staticInstance().addHttpHandler(route.method(), route.path(), handler);
    }

    private static void enter(Context ctx, Route route) {
        ctx.attribute(Attributes.ROUTE, route.path());
        ctx.attribute(Attributes.BODY_LIMIT, route.operation().bodyLimit());
    }

    private Caller authenticate(Context ctx) {
        try {
            Caller caller = authenticator.authenticate(ctx.header("Authorization"));
            if (caller == null) {
                throw new AuthenticationException("the token names no caller");
            }
            return caller;
        } catch (InvalidInputException e) {
            throw new AuthenticationException("the token's claims are not valid: " + e.getMessage());
        }
    }
}
