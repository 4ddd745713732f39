package io.collections.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of a client for the load scenarios: JSON in, JSON out, a bearer token, status checked. */
final class Api {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern COUNT = Pattern.compile("\"product_count\"\\s*:\\s*(\\d+)");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    String send(String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + abbreviate(json));
        }
        return matcher.group(1);
    }

    static long productCount(String json) {
        Matcher matcher = COUNT.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no product_count in " + abbreviate(json));
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String abbreviate(String text) {
        return text.length() < 300 ? text : text.substring(0, 300) + "...";
    }
}
