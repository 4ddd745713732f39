package io.collections.adapter.http.routes;

/** Names of the request attributes the shared parts of the pipeline hand to each other. */
final class Attributes {
    static final String REQUEST_ID = "collections.request-id";
    static final String ROUTE = "collections.route";
    static final String BODY_LIMIT = "collections.body-limit";
    static final String BODY = "collections.body";
    static final String RESPONSE_BODY = "collections.response-body";

    private Attributes() {
    }
}
