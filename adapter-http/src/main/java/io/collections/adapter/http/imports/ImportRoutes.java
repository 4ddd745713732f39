package io.collections.adapter.http.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.http.ApiModule;
import io.collections.adapter.http.routes.ApiRoutes;
import io.collections.adapter.http.routes.HttpProblem;
import io.collections.adapter.http.routes.Operation;
import io.collections.adapter.http.routes.RequestBodies;
import io.collections.adapter.http.routes.Responses;
import io.collections.application.Caller;
import io.collections.application.imports.ImportCatalog;
import io.collections.application.imports.ImportJob;
import io.collections.application.imports.ImportLimitException;
import io.collections.application.imports.ImportResult;
import io.collections.domain.InvalidInputException;
import io.collections.domain.NotFoundException;
import io.collections.domain.catalog.Provider;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/collections/integrations/{provider}} and {@code GET /v1/imports/{id}}. An import runs while the
 * request waits, or, with {@code Prefer: respond-async}, is queued for a background worker and answered 202 with
 * the job's address. The rate limit answers 429 with {@code Retry-After} and the IETF draft's {@code RateLimit}
 * and {@code RateLimit-Policy} headers.
 */
public final class ImportRoutes implements ApiModule {
    static final String TAG = "integrations";
    static final String RATE_POLICY_NAME = "imports";
    private static final String PREFER_ASYNC = "respond-async";

    private final ImportCatalog importCatalog;
    private final int requestsPerSecond;

    /**
     * @param requestsPerSecond the rate limit the use case enforces, announced in {@code RateLimit-Policy}
     */
    public ImportRoutes(ImportCatalog importCatalog, int requestsPerSecond) {
        this.importCatalog = importCatalog;
        this.requestsPerSecond = requestsPerSecond;
    }

    @Override
    public void addEndpoints(ApiRoutes routes, RequestBodies bodies, Responses responses) {
        routes.post("/v1/collections/integrations/{provider}", Operation.of(TAG,
                        "Import a provider's catalog into a new collection; Prefer: respond-async queues it (202)")
                        .request("IntegrationImport").response(200, "IntegrationCollection")
                        .alsoAnswers(202, "Import", "Queued (Prefer: respond-async); Location names the import")
                        .errors(429, 502, 504),
                (ctx, caller) -> importCatalog(ctx, caller, bodies, responses));
        routes.get("/v1/imports/{id}", Operation.of(TAG, "A background import's progress")
                .response(200, "Import"), (ctx, caller) -> find(ctx, caller, responses));
    }

    @Override
    public Map<String, JsonNode> schemas() {
        return ImportSchemas.all();
    }

    private void importCatalog(Context ctx, Caller caller, RequestBodies bodies, Responses responses) {
        Provider provider = Provider.fromPathName(ctx.pathParam("provider"));
        ImportCatalog.Command command = ImportInput.command(provider, bodies.json(ctx));
        ctx.header("RateLimit-Policy", policy());
        boolean async = prefersAsync(ctx);
        try {
            if (async) {
                ImportJob job = importCatalog.submit(caller, command);
                ctx.header("Location", "/v1/imports/" + Long.toUnsignedString(job.id()));
                ctx.header("Preference-Applied", PREFER_ASYNC);
                responses.json(ctx, 202, ImportJobJson.from(job));
            } else {
                ImportResult result = importCatalog.execute(caller, command);
                responses.json(ctx, 200, IntegrationCollectionJson.from(provider, result));
            }
        } catch (ImportLimitException e) {
            throw rateLimited(e);
        }
    }

    private void find(Context ctx, Caller caller, Responses responses) {
        long id = importId(ctx.pathParam("id"));
        ImportJob job = importCatalog.find(caller, id)
                .orElseThrow(() -> new NotFoundException("import", Long.toUnsignedString(id)));
        responses.json(ctx, 200, ImportJobJson.from(job));
    }

    private HttpProblem rateLimited(ImportLimitException e) {
        long seconds = Math.max(1, ceilSeconds(e.retryAfter()));
        return new HttpProblem(429, e.getMessage(), Map.of(
                "Retry-After", Long.toString(seconds),
                "RateLimit-Policy", policy(),
                "RateLimit", "\"" + RATE_POLICY_NAME + "\";r=0;t=" + seconds));
    }

    /** The draft's structured field: the policy's name, its quota and its window in seconds. */
    private String policy() {
        return "\"" + RATE_POLICY_NAME + "\";q=" + requestsPerSecond + ";w=1";
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    /** RFC 7240: preferences are comma-separated tokens, each optionally with a value and parameters. */
    static boolean prefersAsync(Context ctx) {
        for (String header : Collections.list(ctx.req().getHeaders("Prefer"))) {
            for (String preference : header.split(",")) {
                String token = preference.split("[;=]", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (token.equals(PREFER_ASYNC)) {
                    return true;
                }
            }
        }
        return false;
    }

    static long importId(String text) {
        if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("id", "must be an unsigned 64-bit integer written in decimal digits");
        }
        try {
            long id = Long.parseUnsignedLong(text);
            if (id == 0) {
                throw new InvalidInputException("id", "must be at least 1");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("id", "must be at most 18446744073709551615");
        }
    }
}
