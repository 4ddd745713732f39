package io.collections.adapter.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collections.domain.CatalogFetchException.Reason;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A non-2xx answer: its status, headers and the first few KiB of its body, which may be JSON or an HTML page from a
 * proxy or WAF. {@link #byStatus()} is the shared classification; providers refine it in their
 * {@link ResponseHandler#onError}.
 */
public record ErrorResponse(int status, Headers headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shared mapping: 408, 429 and 5xx are retried; 401/403 reject credentials; 404 is not found; rest 4xx. */
    public <T> Outcome<T> byStatus() {
        if (status == 408 || status == 429 || status >= 500) {
            return Outcome.retry(describe());
        }
        if (status == 401 || status == 403) {
            return Outcome.fail(Reason.CREDENTIALS_REJECTED, "the provider refused the credentials: " + describe());
        }
        if (status == 404) {
            return Outcome.fail(Reason.NOT_FOUND, "not found at the provider: " + describe());
        }
        if (status >= 300 && status < 400) {
            String location = headers.get("Location");
            return Outcome.fail(Reason.BAD_REQUEST, "the provider redirects" + (location == null ? ""
                    : " to " + UrlText.originOf(location)) + "; give that address instead (" + describe() + ")");
        }
        return Outcome.fail(Reason.BAD_REQUEST, "the provider refused the request: " + describe());
    }

    /** The body parsed as JSON, if it is JSON. */
    public Optional<JsonNode> json() {
        String trimmed = body.stripLeading();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(trimmed));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /**
     * "HTTP 401: Consumer key is invalid." for JSON bodies with a message (the common shapes of the four
     * providers), or "HTTP 503 (text/html body)" for anything else, so an HTML page never ends up in a message.
     */
    public String describe() {
        Optional<String> message = json().flatMap(ErrorResponse::messageOf);
        if (message.isPresent()) {
            return "HTTP " + status + ": " + UrlText.shorten(message.get(), 300);
        }
        String type = headers.get("Content-Type");
        return "HTTP " + status + (body.isBlank() ? " (empty body)"
                : " (" + (type == null ? "unknown" : type.split(";")[0].strip().toLowerCase(Locale.ROOT))
                        + " body)");
    }

    private static Optional<String> messageOf(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isObject() && error.path("message").isTextual()) {
            return Optional.of(error.path("message").asText());       // Google AIP-193
        }
        if (root.path("message").isTextual()) {
            return Optional.of(root.path("message").asText());        // WooCommerce, Algolia
        }
        JsonNode errors = root.path("errors");
        if (errors.isTextual()) {
            return Optional.of(errors.asText());                      // Shopify REST
        }
        if (errors.isArray() && errors.size() > 0 && errors.get(0).path("message").isTextual()) {
            return Optional.of(errors.get(0).path("message").asText()); // GraphQL
        }
        if (errors.isObject() || errors.isArray()) {
            return Optional.of(errors.toString());
        }
        if (error.isTextual()) {
            return Optional.of(error.asText());
        }
        return Optional.empty();
    }
}
