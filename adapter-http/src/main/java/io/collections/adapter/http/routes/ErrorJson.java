package io.collections.adapter.http.routes;

/** The body of every error: what went wrong, for a person, and the HTTP status again. */
public record ErrorJson(String error, int code) {
}
