package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.Provider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wired servers for end-to-end import tests: started on a free port over one {@link TestDatabase} with the
 * given fetchers and short leases, stopped after each test; and a small HTTP client for them.
 */
abstract class WiredServers {
    static final ImportTuning FAST = new ImportTuning(Duration.ofSeconds(2), Duration.ofMillis(300),
            Duration.ofMillis(100), 2, Duration.ofSeconds(5));
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET_KEY;
    static final String JWT_SECRET = "an-import-test-secret-0123456789-0123456789";
    /** An Owner of client {@code demo}, signed with {@link #JWT_SECRET}. */
    static final String TOKEN = TokenCommand.run(List.of("--client", "demo", "--sub", "developer", "--role", "Owner",
            "--ttl", "2h"), Settings.from(Map.of("COLLECTIONS_JWT_SECRET", JWT_SECRET), new Properties()),
            Clock.systemUTC());

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SECRET_KEY = Base64.getEncoder().encodeToString(key);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Wiring.RunningServer> servers = new ArrayList<>();
    final List<ScriptedShop.Hold> holds = new ArrayList<>();
    TestDatabase database;
    @TempDir
    Path directory;

    @AfterEach
    void stopEverything() {
        holds.forEach(ScriptedShop.Hold::release);
        servers.forEach(Wiring.RunningServer::stop);
        if (database != null) {
            database.close();
        }
    }

    Wiring.RunningServer start(String kind, Function<Provider, CatalogSource> sources, Map<String, String> extra) {
        if (database == null) {
            database = TestDatabase.of(kind, directory);
        }
        Map<String, String> environment = new HashMap<>(Map.of(
                "COLLECTIONS_PORT", "0",
                "COLLECTIONS_DB_URL", database.url(),
                "COLLECTIONS_SECRET_KEY", SECRET_KEY,
                "COLLECTIONS_JWT_SECRET", JWT_SECRET,
                "COLLECTIONS_IMPORT_REQUESTS_PER_SECOND", "1000"));
        environment.putAll(extra);
        Wiring.RunningServer server = new Wiring(Settings.from(environment, new Properties()), sources, FAST).start();
        servers.add(server);
        return server;
    }

    ScriptedShop.Hold hold(ScriptedShop.Hold hold) {
        holds.add(hold);
        return hold;
    }

    JsonNode awaitImport(Wiring.RunningServer server, String location, String status) throws Exception {
        return awaitImport(server.port(), location, status);
    }

    JsonNode awaitImport(int port, String location, String status) throws Exception {
        JsonNode[] last = new JsonNode[1];
        await(() -> {
            last[0] = ok(send(port, "GET", location, null));
            return last[0].get("status").asText().equals(status);
        }, () -> location + " to be " + status + "; last seen " + last[0]);
        return last[0];
    }

    /** Waits for a condition of the system under test; the bound only keeps a broken build from hanging. */
    static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 60 s for " + what.get());
            }
            Thread.sleep(50);
        }
    }

    static String location(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Location").orElseThrow();
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    HttpResponse<String> send(Wiring.RunningServer server, String method, String path, String body,
            String... headers) {
        return send(server.port(), method, path, body, headers);
    }

    HttpResponse<String> send(int port, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
