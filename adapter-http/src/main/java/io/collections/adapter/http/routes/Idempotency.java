package io.collections.adapter.http.routes;

import io.collections.application.Caller;
import io.collections.application.idempotency.IdempotencyRecord;
import io.collections.application.idempotency.IdempotencyStore;
import io.collections.application.idempotency.StoredResponse;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on a POST, per client, for 24 hours. The same key with the same request (method, path
 * and body, by SHA-256) replays the first answer and does nothing; with another request it is a 422; while the
 * first is still running, a repeat is a 409. Only a successful (2xx) answer is kept: a request that fails
 * releases its key, so the client can correct it and try again with the same key.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final Duration TIME_TO_LIVE = Duration.ofHours(24);
    private static final String[] REPLAYED_HEADERS = {"Location", "ETag"};

    /** The work a key protects. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final IdempotencyStore store;
    private final RequestBodies bodies;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, RequestBodies bodies, Clock clock) {
        this.store = store;
        this.bodies = bodies;
        this.clock = clock;
    }

    public void run(Context ctx, Caller caller, Work work) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            work.run();
            return;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new HttpProblem(400, HEADER + " must be 1 to 255 visible ASCII characters");
        }
        String fingerprint = fingerprint(ctx.method().name(), ctx.path(), bodies.bytes(ctx));
        Instant now = clock.instant();
        Optional<IdempotencyRecord> existing = store.find(caller.clientId(), key, now);
        if (existing.isEmpty() && !store.reserve(caller.clientId(), key, fingerprint, now.plus(TIME_TO_LIVE), now)) {
            existing = store.find(caller.clientId(), key, now);
            if (existing.isEmpty()) {
                throw inProgress();
            }
        }
        if (existing.isPresent()) {
            replay(ctx, existing.get(), fingerprint);
            return;
        }
        // Once the work answered 2xx it has committed: releasing the key then would let a retry do it again.
        boolean committed = false;
        try {
            work.run();
            int status = ctx.statusCode();
            if (status >= 200 && status < 300) {
                committed = true;
                Map<String, String> headers = new HashMap<>();
                for (String name : REPLAYED_HEADERS) {
                    String value = ctx.res().getHeader(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                String body = ctx.attribute(Attributes.RESPONSE_BODY);
                store.complete(caller.clientId(), key, new StoredResponse(status, body == null ? "" : body, headers));
            }
        } finally {
            if (!committed) {
                store.release(caller.clientId(), key);
            }
        }
    }

    private static void replay(Context ctx, IdempotencyRecord record, String fingerprint) {
        if (!record.requestFingerprint().equals(fingerprint)) {
            throw new HttpProblem(422, HEADER + " was already used with a different request");
        }
        if (!record.isCompleted()) {
            throw inProgress();
        }
        StoredResponse response = record.response();
        response.headers().forEach(ctx::header);
        ctx.header("Idempotent-Replayed", "true");
        ctx.attribute(Attributes.RESPONSE_BODY, response.body());
        ctx.status(response.status()).contentType(Responses.JSON).result(response.body());
    }

    private static HttpProblem inProgress() {
        return new HttpProblem(409, "a request with this " + HEADER + " is still being processed; retry later");
    }

    /** SHA-256 over the method, the path and the body, hex-encoded. */
    public static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(method.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
