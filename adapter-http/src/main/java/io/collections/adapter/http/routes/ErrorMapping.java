package io.collections.adapter.http.routes;

import io.collections.adapter.http.auth.AuthenticationException;
import io.collections.application.AccessDeniedException;
import io.collections.application.PreconditionFailedException;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.ConflictException;
import io.collections.domain.InvalidInputException;
import io.collections.domain.NotFoundException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an exception becomes an answer: {@code {"error": "...", "code": N}} with the right status.
 * Anything unexpected is a 500 with a generic message; the details go to the log under the request id, never to
 * the client.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** What an exception is answered with. */
    public record Answer(int status, String message, Map<String, String> headers) {
    }

    private final Responses responses;

    public ErrorMapping(Responses responses) {
        this.responses = responses;
    }

    public void handle(Throwable exception, Context ctx) {
        Answer answer = answer(exception, ctx);
        answer.headers().forEach(ctx::header);
        responses.json(ctx, answer.status(), new ErrorJson(answer.message(), answer.status()));
    }

    /**
     * Answers a status that Javalin set without any route handler (an unknown route: 404; a known path with
     * another method: 405), unless a handler already wrote its own answer.
     */
    public void handleStatus(Context ctx) {
        if (ctx.attribute(Attributes.RESPONSE_BODY) != null) {
            return;
        }
        int status = ctx.statusCode();
        String message;
        if (status == 405) {
            String allowed = ctx.res().getHeader("Allow");
            message = "method " + ctx.method() + " is not allowed on " + ctx.path()
                    + (allowed == null || allowed.isBlank() ? "" : "; allowed: " + allowed);
        } else if (status == 404) {
            message = "no route " + ctx.method() + " " + ctx.path();
        } else {
            message = "the request was refused";
        }
        responses.json(ctx, status, new ErrorJson(message, status));
    }

    Answer answer(Throwable exception, Context ctx) {
        if (exception instanceof InvalidInputException e) {
            return new Answer(400, e.getMessage(), Map.of());
        }
        if (exception instanceof NotFoundException e) {
            return new Answer(404, e.getMessage(), Map.of());
        }
        if (exception instanceof ConflictException e) {
            return new Answer(409, e.getMessage(), Map.of());
        }
        if (exception instanceof CatalogFetchException e) {
            return new Answer(status(e.reason()), e.getMessage(), Map.of());
        }
        if (exception instanceof AuthenticationException e) {
            return new Answer(401, e.getMessage(), Map.of("WWW-Authenticate", e.challenge()));
        }
        if (exception instanceof AccessDeniedException e) {
            return new Answer(403, e.getMessage(), Map.of());
        }
        if (exception instanceof PreconditionFailedException e) {
            return new Answer(412, e.getMessage(), Map.of());
        }
        if (exception instanceof HttpProblem e) {
            return new Answer(e.status(), e.getMessage(), e.headers());
        }
        if (exception instanceof HttpResponseException e) {
            return javalin(e, ctx);
        }
        LOG.error("unexpected failure of {} {} (request id {})", ctx.method(), ctx.path(),
                ctx.<String>attribute(Attributes.REQUEST_ID), exception);
        return new Answer(500, "internal error; the request id is " + ctx.attribute(Attributes.REQUEST_ID),
                Map.of());
    }

    private static Answer javalin(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404:
                return new Answer(404, "no route " + ctx.method() + " " + ctx.path(), Map.of());
            case 405:
                Map<String, String> details = new TreeMap<>(e.getDetails());
                String allowed = details.getOrDefault("availableMethods", String.join(", ", details.values()));
                allowed = allowed.replace("[", "").replace("]", "");
                return new Answer(405, "method " + ctx.method() + " is not allowed on " + ctx.path()
                        + (allowed.isBlank() ? "" : "; allowed: " + allowed),
                        allowed.isBlank() ? Map.of() : Map.of("Allow", allowed));
            case 413:
                return new Answer(413, "the request body is too large", Map.of());
            default:
                int status = e.getStatus() >= 400 && e.getStatus() < 600 ? e.getStatus() : 500;
                return new Answer(status, status == 500 ? "internal error" : String.valueOf(e.getMessage()), Map.of());
        }
    }

    private static int status(CatalogFetchException.Reason reason) {
        switch (reason) {
            case UNAVAILABLE:
                return 502;
            case TIMED_OUT:
                return 504;
            default:
                return 400;
        }
    }
}
