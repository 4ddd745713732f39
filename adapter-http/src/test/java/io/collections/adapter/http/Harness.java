package io.collections.adapter.http;

import io.collections.adapter.http.routes.UseCases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collections.adapter.http.auth.Authenticator;
import io.collections.application.memory.InMemoryAdapters;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The real app over the in-memory adapters, run with JavalinTest, and a small client for it. Requests carry real
 * HS256 tokens ({@link TestTokens}) checked by the real {@code JwtAuthenticator}, unless a test passes another.
 */
public final class Harness {
    static final String OWNER = TestTokens.bearer("acme", "alice", "Owner");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final InMemoryAdapters adapters = InMemoryAdapters.create();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AtomicBoolean databaseUp = new AtomicBoolean(true);
    public final Javalin app;

    Harness() {
        this(TestTokens.authenticator());
    }

    Harness(Authenticator authenticator) {
        this(authenticator, null);
    }

    /** The app with one more module, made over this harness's adapters. */
    public static Harness withModule(Function<InMemoryAdapters, ApiModule> module) {
        return new Harness(TestTokens.authenticator(), module);
    }

    private Harness(Authenticator authenticator, Function<InMemoryAdapters, ApiModule> module) {
        Clock clock = Clock.systemUTC();
        UseCases useCases = UseCases.over(adapters.transactions(), adapters.collections(), adapters.catalog(),
                adapters.ids(), clock);
        HttpApi api = new HttpApi(useCases, authenticator, adapters.idempotency(), clock, databaseUp::get, registry);
        app = (module == null ? api : api.withModule(module.apply(adapters))).create();
    }

    /** A test against a running app. */
    public interface Body {
        void run(Client client) throws Exception;
    }

    static void run(Body body) {
        new Harness().test(body);
    }

    public void test(Body body) {
        JavalinTest.test(app, (server, ignored) -> body.run(new Client(server.port(), OWNER)));
    }

    /** Like {@link #test}, leaving standard error alone so a test can read the log. */
    public void testWithLogs(Body body) {
        JavalinTest.test(app, new io.javalin.testtools.TestConfig(false, false),
                (server, ignored) -> body.run(new Client(server.port(), OWNER)));
    }

    /** Sends requests as one caller. */
    public static final class Client {
        final int port;
        final String authorization;

        Client(int port, String authorization) {
            this.port = port;
            this.authorization = authorization;
        }

        public Client as(String newAuthorization) {
            return new Client(port, newAuthorization);
        }

        public Res get(String path) {
            return send("GET", path, null);
        }

        public Res post(String path, String json) {
            return send("POST", path, json, "Content-Type", "application/json");
        }

        public Res patch(String path, String json) {
            return send("PATCH", path, json, "Content-Type", "application/json");
        }

        public Res delete(String path) {
            return send("DELETE", path, null);
        }

        public Res delete(String path, String json) {
            return send("DELETE", path, json, "Content-Type", "application/json");
        }

        public Res send(String method, String path, String body, String... headers) {
            return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
        }

        public Res sendBytes(String method, String path, byte[] body, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Res(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Creates a collection and answers its id. */
        public String collection(String json) {
            Res res = post("/v1/collections", json);
            if (res.status() != 201) {
                throw new AssertionError("create collection: " + res);
            }
            return res.json().get("id").asText();
        }

        public String product(String json) {
            Res res = post("/v1/products", json);
            if (res.status() != 201) {
                throw new AssertionError("create product: " + res);
            }
            return res.json().get("id").asText();
        }
    }

    /** An answer. */
    public record Res(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<String> headerValues(String name) {
            return headers.allValues(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
