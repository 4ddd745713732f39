package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.adapter.http.auth.JwtSigner;
import io.collections.adapter.http.auth.TokenClaims;
import io.collections.application.Role;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired server (JWT verification, JDBC on an H2 file) end to end: two clients with the same names stay apart,
 * and no log line and no answer ever contains a token, the signing secret or the database password.
 */
class AuthenticationEndToEndTest {
    private static final String SECRET = "end-to-end-signing-secret-0123456789-abcdef";
    private static final String DATABASE_PASSWORD = "db-password-never-logged-42";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<HttpResponse<String>> answers = new ArrayList<>();

    @Test
    void twoClientsStayApartAndNoLogLineOrAnswerHoldsACredential(@TempDir Path directory) throws Exception {
        Settings settings = Settings.from(Map.of(
                "COLLECTIONS_PORT", "0",
                "COLLECTIONS_DB_URL", "jdbc:h2:file:" + directory.resolve("e2e")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "COLLECTIONS_DB_USER", "collections",
                "COLLECTIONS_DB_PASSWORD", DATABASE_PASSWORD,
                "COLLECTIONS_JWT_SECRET", SECRET), new Properties());
        String acme = TokenCommand.run(List.of("--client", "acme", "--sub", "alice", "--role", "Owner"), settings,
                Clock.systemUTC());
        String globex = TokenCommand.run(List.of("--client", "globex", "--sub", "gina", "--role", "Admin"), settings,
                Clock.systemUTC());
        String viewer = TokenCommand.run(List.of("--client", "acme", "--sub", "victor", "--role", "Viewer"), settings,
                Clock.systemUTC());
        String forged = JwtSigner.hmacSecret("another-secret-of-sufficient-length-0123456789").sign(claims("acme",
                Instant.now(), Instant.now().plusSeconds(600)));
        String expired = JwtSigner.hmacSecret(SECRET).sign(claims("acme", Instant.now().minusSeconds(7200),
                Instant.now().minusSeconds(3600)));
        String basic = Base64.getEncoder().encodeToString(("alice:" + DATABASE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> tokens = List.of(acme, globex, viewer, forged, expired);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
            Wiring.RunningServer server = Main.start(settings, console, console).orElseThrow();
            try {
                flow(server.port(), acme, globex, viewer, forged, expired, basic);
            } finally {
                server.stop();
            }
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }

        String everything = log.toString(StandardCharsets.UTF_8) + "\n" + printed.toString(StandardCharsets.UTF_8);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("tokens: HS256 with COLLECTIONS_JWT_SECRET)")
                .doesNotContain("Owner token");
        assertThat(everything).as("the request log was captured").contains("GET /v1/collections 200")
                .contains("POST /v1/collections 401").contains("POST /v1/collections 403");
        List<String> credentials = new ArrayList<>(List.of(SECRET, DATABASE_PASSWORD, basic));
        for (String token : tokens) {
            credentials.add(token);
            credentials.addAll(List.of(token.split("\\.")).subList(1, 3));
        }
        StringBuilder answered = new StringBuilder();
        for (HttpResponse<String> answer : answers) {
            answered.append(answer.body()).append('\n').append(answer.headers().map()).append('\n');
        }
        for (String credential : credentials) {
            assertThat(everything).as("the log").doesNotContain(credential);
            assertThat(answered.toString()).as("the answers").doesNotContain(credential);
        }
        assertThat(JWT.matcher(everything).find()).as("no JWT at all in the log").isFalse();
        assertThat(everything).doesNotContain("Bearer ey");
    }

    @Test
    void aFirstRunWithoutAKeyPrintsAWorkingOwnerTokenForDemoAndNeverLogsIt(@TempDir Path directory) throws Exception {
        Settings settings = Settings.from(Map.of("COLLECTIONS_PORT", "0", "COLLECTIONS_DB_URL", "jdbc:h2:file:"
                + directory.resolve("first") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
                new Properties());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        String token;
        try {
            Wiring.RunningServer server = Main.start(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).orElseThrow();
            try {
                String printed = out.toString(StandardCharsets.UTF_8);
                assertThat(printed).contains("No COLLECTIONS_JWT_SECRET or COLLECTIONS_JWT_PUBLIC_KEY is set, so this"
                        + " run made a random secret").contains("An Owner token for client 'demo', user 'developer'");
                Matcher jwt = JWT.matcher(printed);
                assertThat(jwt.find()).as(printed).isTrue();
                token = jwt.group();
                HttpResponse<String> created = send(server.port(), "POST", "/v1/collections", "{\"name\":\"First\"}",
                        token);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(created.body()).contains("\"created_by\":\"developer\"");
                assertThat(send(server.port(), "GET", "/v1/collections", null, null).statusCode()).isEqualTo(401);
            } finally {
                server.stop();
            }
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Collections listening")
                .contains("tokens: HS256 with a random secret made for this run").doesNotContain(token);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("POST /v1/collections 201").doesNotContain(token);

        Settings configured = Settings.from(Map.of("COLLECTIONS_JWT_SECRET", SECRET), new Properties());
        assertThat(new Wiring(configured).firstRunToken()).as("no first-run token when a key is set").isEmpty();
    }

    private void flow(int port, String acme, String globex, String viewer, String forged, String expired,
            String basic) throws Exception {
        Map<String, String> acmeIds = tenant(port, acme, 3);
        Map<String, String> globexIds = tenant(port, globex, 1);
        for (String[] pair : new String[][] {{acme, "3"}, {globex, "1"}}) {
            HttpResponse<String> list = check(send(port, "GET", "/v1/collections?name=Gadgets", null, pair[0]), 200);
            assertThat(field(list.body(), "product_count")).isEqualTo(pair[1]);
            assertThat(count(check(send(port, "GET", "/v1/products?limit=1000", null, pair[0]), 200).body(),
                    "\"id\"")).isEqualTo(Integer.parseInt(pair[1]) + 1);
        }
        String theirs = acmeIds.get("gadgets");
        assertThat(acmeIds.get("gadgets")).isNotEqualTo(globexIds.get("gadgets"));
        check(send(port, "GET", "/v1/collections/" + theirs, null, globex), 404);
        check(send(port, "GET", "/v1/collections/" + theirs + "/products", null, globex), 404);
        check(send(port, "PATCH", "/v1/collections/" + theirs, "{\"name\":\"Taken\"}", globex), 404);
        check(send(port, "POST", "/v1/collections/" + globexIds.get("picked") + "/products",
                "{\"product_id\":\"" + acmeIds.get("plain") + "\"}", globex), 404);

        check(send(port, "POST", "/v1/collections", "{\"name\":\"x\"}", forged), 401);
        check(send(port, "POST", "/v1/collections", "{\"name\":\"x\"}", expired), 401);
        check(send(port, "POST", "/v1/collections", "{\"name\":\"x\"}", viewer), 403);
        check(send(port, "GET", "/v1/collections", null, viewer), 200);
        check(send(port, "GET", "/v1/collections?access_token=" + URLEncoder.encode(acme, StandardCharsets.UTF_8),
                null, null), 401);
        answers.add(check(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/collections"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString()), 401));
        answers.add(check(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/collections"))
                .header("Authorization", "Bearer " + acme + "x").GET().build(), HttpResponse.BodyHandlers.ofString()),
                401));
        check(send(port, "GET", "/v1/collections", null, acme), 200);
        check(send(port, "GET", "/health", null, null), 200);
        check(send(port, "GET", "/openapi.json", null, null), 200);
    }

    /** Products and collections with the same names for every client; {@code gadgets} gadget products. */
    private Map<String, String> tenant(int port, String token, int gadgets) throws Exception {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < gadgets; i++) {
            check(send(port, "POST", "/v1/products", "{\"name\":\"Gadget " + i + "\",\"product_type\":\"Gadget\"}",
                    token), 201);
        }
        ids.put("plain", field(check(send(port, "POST", "/v1/products", "{\"name\":\"Plain\"}", token), 201).body(),
                "id"));
        ids.put("gadgets", field(check(send(port, "POST", "/v1/collections", "{\"name\":\"Gadgets\","
                + "\"product_inclusion_rules\":{\"rules\":[{\"type\":\"product_type\",\"value\":\"gadget\"}]}}",
                token), 201).body(), "id"));
        ids.put("picked", field(check(send(port, "POST", "/v1/collections", "{\"name\":\"Picked\"}", token), 201)
                .body(), "id"));
        return ids;
    }

    private HttpResponse<String> send(int port, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        answers.add(response);
        return response;
    }

    private static HttpResponse<String> check(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri().getPath() + ": "
                + response.body()).isEqualTo(status);
        return response;
    }

    private static TokenClaims claims(String client, Instant issuedAt, Instant expiresAt) {
        return new TokenClaims(new ClientId(client), new UserId("mallory"), Set.of(Role.OWNER), issuedAt, expiresAt,
                Optional.empty(), Optional.empty());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
