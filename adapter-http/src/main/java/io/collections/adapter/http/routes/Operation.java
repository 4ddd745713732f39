package io.collections.adapter.http.routes;

import java.util.ArrayList;
import java.util.List;

/**
 * What the OpenAPI document says about one route: its summary and tag, the schema of its body and of its
 * answer, its query parameters, and its body limit. Routes are registered together with their Operation, so
 * the document cannot drift from what is served.
 *
 * @param responseSchema a component name; {@code Name[]} for an array of it; {@code text} for plain text
 * @param alternatives other successful answers the route may give (a 202 instead of a 200, for instance)
 * @param extraErrors error statuses beyond those every route of its kind may answer (429, 502, ...)
 */
public record Operation(String tag, String summary, String requestSchema, int status, String responseSchema,
        List<String> queryParameters, long bodyLimit, boolean secured, List<Alternative> alternatives,
        List<Integer> extraErrors) {

    /** Another successful answer: its status, the schema of its body, and when it is given. */
    public record Alternative(int status, String schema, String description) {
    }

    public Operation {
        alternatives = List.copyOf(alternatives);
        extraErrors = List.copyOf(extraErrors);
    }

    public static Operation of(String tag, String summary) {
        return new Operation(tag, summary, null, 200, "Empty", List.of(), RequestBodies.DEFAULT_LIMIT, true,
                List.of(), List.of());
    }

    public Operation alsoAnswers(int otherStatus, String schema, String description) {
        List<Alternative> more = new ArrayList<>(alternatives);
        more.add(new Alternative(otherStatus, schema, description));
        return new Operation(tag, summary, requestSchema, status, responseSchema, queryParameters, bodyLimit, secured,
                more, extraErrors);
    }

    public Operation errors(Integer... statuses) {
        List<Integer> more = new ArrayList<>(extraErrors);
        more.addAll(List.of(statuses));
        return new Operation(tag, summary, requestSchema, status, responseSchema, queryParameters, bodyLimit, secured,
                alternatives, more);
    }

    public Operation request(String schema) {
        return new Operation(tag, summary, schema, status, responseSchema, queryParameters, bodyLimit, secured,
                alternatives, extraErrors);
    }

    public Operation response(int newStatus, String schema) {
        return new Operation(tag, summary, requestSchema, newStatus, schema, queryParameters, bodyLimit, secured,
                alternatives, extraErrors);
    }

    public Operation query(String... names) {
        return new Operation(tag, summary, requestSchema, status, responseSchema, List.of(names), bodyLimit, secured,
                alternatives, extraErrors);
    }

    public Operation bodyLimit(long bytes) {
        return new Operation(tag, summary, requestSchema, status, responseSchema, queryParameters, bytes, secured,
                alternatives, extraErrors);
    }

    public Operation open() {
        return new Operation(tag, summary, requestSchema, status, responseSchema, queryParameters, bodyLimit, false,
                alternatives, extraErrors);
    }
}
