package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wired server on an H2 file: what it stored is there again after a stop and a start. */
class ServerRestartTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @Test
    void collectionsAndMembershipSurviveARestart(@TempDir Path directory) throws Exception {
        Settings settings = Settings.from(Map.of(
                "COLLECTIONS_PORT", "0",
                "COLLECTIONS_JWT_SECRET", "a-restart-test-secret-0123456789-0123456789",
                "COLLECTIONS_DB_URL", "jdbc:h2:file:" + directory.resolve("collections")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"), new Properties());

        token = TokenCommand.run(List.of("--client", "acme", "--sub", "alice", "--role", "Owner"), settings,
                Clock.systemUTC());
        Wiring.RunningServer first = new Wiring(settings).start();
        String id;
        try {
            send(first, "POST", "/v1/products", "{\"name\":\"Phone\",\"product_type\":\"Gadget\"}", 201);
            String created = send(first, "POST", "/v1/collections", "{\"name\":\"Gadgets\",\"product_inclusion_rules\":"
                    + "{\"rules\":[{\"type\":\"product_type\",\"value\":\"gadget\"}]}}", 201);
            id = field(created, "id");
            assertThat(field(created, "product_count")).isEqualTo("1");
        } finally {
            first.stop();
        }

        Wiring.RunningServer second = new Wiring(settings).start();
        try {
            String read = send(second, "GET", "/v1/collections/" + id, null, 200);
            assertThat(field(read, "name")).isEqualTo("Gadgets");
            assertThat(field(read, "product_count")).isEqualTo("1");
            assertThat(send(second, "GET", "/v1/collections/" + id + "/products", null, 200)).contains("\"Phone\"");
        } finally {
            second.stop();
        }
    }

    private String send(Wiring.RunningServer server, String method, String path, String body, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }
}
