package io.collections.adapter.providers.http;

import java.io.IOException;

/**
 * A 2xx answer whose body is not what the API sends (not JSON, or JSON of another shape): retried like a broken
 * connection, since proxies and caches produce such answers now and then, and reported as unreadable.
 */
public final class UnreadableAnswerException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreadableAnswerException(String message) {
        super(message);
    }
}
