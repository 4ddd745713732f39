package io.collections.adapter.http.routes;

import java.util.List;

/**
 * What the OpenAPI document says about one route: its summary and tag, the schema of its body and of its
 * answer, its query parameters, and its body limit. Routes are registered together with their Operation, so
 * the document cannot drift from what is served.
 *
 * @param responseSchema a component name; {@code Name[]} for an array of it; {@code text} for plain text
 */
public record Operation(String tag, String summary, String requestSchema, int status, String responseSchema,
        List<String> queryParameters, long bodyLimit, boolean secured) {

    public static Operation of(String tag, String summary) {
        return new Operation(tag, summary, null, 200, "Empty", List.of(), RequestBodies.DEFAULT_LIMIT, true);
    }

    public Operation request(String schema) {
        return new Operation(tag, summary, schema, status, responseSchema, queryParameters, bodyLimit, secured);
    }

    public Operation response(int newStatus, String schema) {
        return new Operation(tag, summary, requestSchema, newStatus, schema, queryParameters, bodyLimit, secured);
    }

    public Operation query(String... names) {
        return new Operation(tag, summary, requestSchema, status, responseSchema, List.of(names), bodyLimit, secured);
    }

    public Operation bodyLimit(long bytes) {
        return new Operation(tag, summary, requestSchema, status, responseSchema, queryParameters, bytes, secured);
    }

    public Operation open() {
        return new Operation(tag, summary, requestSchema, status, responseSchema, queryParameters, bodyLimit, false);
    }
}
