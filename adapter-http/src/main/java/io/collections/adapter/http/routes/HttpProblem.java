package io.collections.adapter.http.routes;

import java.util.Map;

/**
 * A refusal that belongs to HTTP itself rather than to the domain (a body too large, a media type that is not
 * JSON, a reused idempotency key, a rate limit); answered with its status and headers.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    public HttpProblem(int status, String message) {
        this(status, message, Map.of());
    }

    public HttpProblem(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
