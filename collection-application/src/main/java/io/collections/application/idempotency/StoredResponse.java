package io.collections.application.idempotency;

import java.util.Map;

/** The first answer given to a request with an idempotency key, replayed to every repeat of it. */
public record StoredResponse(int status, String body, Map<String, String> headers) {
    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
