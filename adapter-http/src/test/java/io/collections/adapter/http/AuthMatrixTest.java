package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.collections.adapter.http.auth.JwtAuthenticator;
import io.collections.adapter.http.auth.JwtKey;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /v1} route, as registered in the running app, against every way a token can be wrong, under each
 * kind of key (HS256 with issuer and audience, RS256, ES256 with an issuer): each answers 401 or 403 with the
 * error body, names the failed check, echoes nothing of the token or key, and changes nothing.
 */
class AuthMatrixTest {
    private static final String ISSUER = "https://id.example.test";
    private static final String AUDIENCE = "collections-api";
    private static final String SECRET = "the-matrix-secret-which-is-long-enough-0123456789";
    private static final String IDEMPOTENCY_KEY = "matrix-key";

    /** A way the server verifies tokens, and how to sign the good ones for it. */
    private record Config(String name, JwtKey key, JWSAlgorithm algorithm, JWSSigner signer, String issuer,
            String audience, String keyMaterial) {
        JwtAuthenticator authenticator() {
            return new JwtAuthenticator(key, Optional.ofNullable(issuer), Optional.ofNullable(audience),
                    Clock.systemUTC());
        }

        String token(Consumer<JWTClaimsSet.Builder> edit) {
            return sign(algorithm, signer, claims(this, edit));
        }

        String bearer(Consumer<JWTClaimsSet.Builder> edit) {
            return "Bearer " + token(edit);
        }
    }

    /** One bad request: its Authorization header, and what every route must answer. */
    private record Case(String name, String authorization, int status, String messagePart) {
    }

    /** Where the ids of the seeded collection and product go in a route. */
    record Ids(String collection, String product) {
    }

    static final Map<String, String> SAMPLE_BODIES = Map.of(
            "POST /v1/collections", "{\"name\":\"matrix\"}",
            "PATCH /v1/collections/{id}", "{\"name\":\"matrix\"}",
            "POST /v1/collections/{id}/products", "{\"product_id\":\"{P}\"}",
            "DELETE /v1/collections/{id}/products", "{\"product_id\":\"{P}\"}",
            "POST /v1/products", "{\"name\":\"matrix\"}",
            "PATCH /v1/products/{id}", "{\"name\":\"matrix\"}",
            "POST /v1/products/batch", "{\"products\":[{\"id\":\"{P}\",\"name\":\"matrix\"}]}");

    @Test
    void hs256WithIssuerAndAudience() {
        Config config = new Config("HS256", JwtKey.hmacSecret(SECRET), JWSAlgorithm.HS256, mac(SECRET), ISSUER,
                AUDIENCE, SECRET);
        KeyPair rsa = TestKeys.rsa();
        List<Case> cases = new ArrayList<>(commonCases(config, mac("another-secret-that-is-long-enough-0123456789")));
        cases.add(new Case("an RS256 token", "Bearer " + sign(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()),
                claims(config, c -> { })), 401, "signing algorithm is not accepted; this server accepts HS256 only"));
        cases.add(new Case("an HS512 token with the same secret", "Bearer " + sign(JWSAlgorithm.HS512,
                mac(SECRET + SECRET), claims(config, c -> { })), 401, "signing algorithm is not accepted"));
        cases.add(new Case("no issuer", config.bearer(c -> c.issuer(null)), 401, "issuer (iss) is not accepted"));
        cases.add(new Case("a wrong issuer", config.bearer(c -> c.issuer("https://evil.example.test")), 401,
                "issuer (iss) is not accepted"));
        cases.add(new Case("no audience", config.bearer(c -> c.audience((String) null)), 401, "audience (aud)"));
        cases.add(new Case("a wrong audience", config.bearer(c -> c.audience(List.of("billing", "reports"))), 401,
                "audience (aud) does not include this API"));
        run(config, cases);
    }

    @Test
    void rs256() {
        KeyPair rsa = TestKeys.rsa();
        String publicPem = TestKeys.pem(rsa.getPublic());
        Config config = new Config("RS256", JwtKey.publicKeyPem(publicPem), JWSAlgorithm.RS256,
                new RSASSASigner(rsa.getPrivate()), null, null, publicPem);
        List<Case> cases = new ArrayList<>(commonCases(config, new RSASSASigner(TestKeys.rsa().getPrivate())));
        cases.add(new Case("HS256 signed with the RSA public key as the secret", "Bearer " + sign(JWSAlgorithm.HS256,
                mac(publicPem), claims(config, c -> { })), 401, "signing algorithm is not accepted; this server"
                + " accepts RS256 only"));
        KeyPair attacker = TestKeys.rsa();
        SignedJWT ownKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .jwk(new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).build()).build(), claims(config, c -> { }));
        try {
            ownKey.sign(new RSASSASigner(attacker.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        cases.add(new Case("signed by a key the token carries in its jwk header", "Bearer " + ownKey.serialize(), 401,
                "the token's signature does not verify"));
        cases.add(new Case("an ES256 token", "Bearer " + sign(JWSAlgorithm.ES256, ec(TestKeys.ecP256()),
                claims(config, c -> { })), 401, "signing algorithm is not accepted"));
        run(config, cases);
    }

    @Test
    void es256WithAnIssuer() {
        KeyPair pair = TestKeys.ecP256();
        String publicPem = TestKeys.pem(pair.getPublic());
        Config config = new Config("ES256", JwtKey.publicKeyPem(publicPem), JWSAlgorithm.ES256, ec(pair), ISSUER,
                null, publicPem);
        List<Case> cases = new ArrayList<>(commonCases(config, ec(TestKeys.ecP256())));
        cases.add(new Case("HS256 signed with the EC public key as the secret", "Bearer " + sign(JWSAlgorithm.HS256,
                mac(publicPem), claims(config, c -> { })), 401, "signing algorithm is not accepted"));
        cases.add(new Case("a wrong issuer", config.bearer(c -> c.issuer("https://evil.example.test")), 401,
                "issuer (iss)"));
        run(config, cases);
    }

    private static List<Case> commonCases(Config config, JWSSigner wrongKey) {
        Instant now = Instant.now();
        String good = config.token(c -> { });
        String[] parts = good.split("\\.");
        String otherClaims = Base64URL.encode(claims(config, c -> c.claim("client_id", "globex")).toString()
                .getBytes(StandardCharsets.UTF_8)).toString();
        String unsignedHeader = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        return List.of(
                new Case("no Authorization header", null, 401, "the Authorization header is missing"),
                new Case("an empty Authorization header", "", 401, "the Authorization header is missing"),
                new Case("Basic credentials", "Basic dXNlcjpwYXNzd29yZA==", 401, "must be Bearer <token>"),
                new Case("a bare token without the scheme", good, 401, "must be Bearer <token>"),
                new Case("an empty bearer token", "Bearer ", 401, "the bearer token is empty"),
                new Case("garbage", "Bearer not-a-token", 401, "the token is malformed"),
                new Case("three parts of garbage", "Bearer abc.def.ghi", 401, "the token is malformed"),
                new Case("a wrong signature", "Bearer " + sign(config.algorithm(), wrongKey, claims(config, c -> { })),
                        401, "the token's signature does not verify"),
                new Case("claims changed after signing", "Bearer " + parts[0] + "." + otherClaims + "." + parts[2],
                        401, "the token's signature does not verify"),
                new Case("the signature cut off", "Bearer " + parts[0] + "." + parts[1] + ".", 401, "token"),
                new Case("alg none", "Bearer " + unsignedHeader + "." + parts[1] + ".", 401, "not signed (alg none)"),
                new Case("expired two minutes ago", config.bearer(c -> c.expirationTime(Date.from(now.minusSeconds(120)))),
                        401, "the token has expired"),
                new Case("no expiry", config.bearer(c -> c.expirationTime(null)), 401, "the token has no expiry (exp)"),
                new Case("not valid for five more minutes", config.bearer(c -> c.notBeforeTime(
                        Date.from(now.plusSeconds(300)))), 401, "the token is not valid yet (nbf)"),
                new Case("no subject", config.bearer(c -> c.subject(null)), 401, "no subject (sub)"),
                new Case("no client_id", config.bearer(c -> c.claim("client_id", null)), 401, "no client_id"),
                new Case("a numeric client_id", config.bearer(c -> c.claim("client_id", 42)), 401, "client_id"),
                new Case("roles as a string", config.bearer(c -> c.claim("roles", "Owner")), 401,
                        "roles claim must be an array of strings"),
                new Case("an unknown role", config.bearer(c -> c.claim("roles", List.of("Superuser"))), 403,
                        "a role is required"),
                new Case("no roles", config.bearer(c -> c.claim("roles", List.of())), 403, "a role is required"),
                new Case("no roles claim", config.bearer(c -> c.claim("roles", null)), 403, "a role is required"));
    }

    private static void run(Config config, List<Case> cases) {
        Harness harness = new Harness(config.authenticator());
        harness.test(anonymous -> {
            Harness.Client owner = anonymous.as(config.bearer(c -> { }));
            String p = owner.product("{\"name\":\"Gadget\",\"product_type\":\"Gadget\"}");
            String c = owner.collection("{\"name\":\"Gadgets\",\"product_inclusion_rules\":"
                    + "{\"rules\":[{\"type\":\"product_type\",\"value\":\"gadget\"}]}}");
            String manual = owner.product("{\"name\":\"Manual\"}");
            assertThat(owner.post("/v1/collections/" + c + "/products", "{\"product_id\":\"" + manual + "\"}")
                    .status()).isEqualTo(200);
            Ids ids = new Ids(c, p);
            List<Route> routes = v1Routes(harness);
            assertThat(routes).as("every /v1 route of the app").hasSizeGreaterThanOrEqualTo(15);
            String before = BadInputTest.snapshot(owner, c);

            SoftAssertions softly = new SoftAssertions();
            for (Case bad : cases) {
                for (Route route : routes) {
                    Harness.Res res = route.send(anonymous.as(bad.authorization()), ids);
                    String what = config.name() + ", " + bad.name() + ": " + route + " answered " + res;
                    softly.assertThat(res.status()).as(what).isEqualTo(bad.status());
                    checkErrorBody(softly, res, bad, config, what);
                }
            }
            for (Route route : routes) {
                if (route.method() == HandlerType.GET) {
                    Route head = new Route(HandlerType.HEAD, route.path());
                    Harness.Res refused = head.send(anonymous.as(null), ids);
                    softly.assertThat(refused.status()).as(config.name() + ": " + head + " without a token")
                            .isEqualTo(401);
                    softly.assertThat(refused.header("WWW-Authenticate")).as(head.toString()).isEqualTo("Bearer");
                    softly.assertThat(head.send(anonymous.as(bad(cases)), ids).status()).as(head + " unknown role")
                            .isEqualTo(403);
                    softly.assertThat(head.send(owner, ids).status()).as(head + " as the owner").isEqualTo(200);
                }
            }
            Harness.Client viewer = anonymous.as(config.bearer(claims -> claims.claim("roles", List.of("Viewer"))));
            for (Route route : routes) {
                Harness.Res res = route.send(viewer, ids);
                String what = config.name() + ", Viewer: " + route + " answered " + res;
                if (route.method() == HandlerType.GET) {
                    softly.assertThat(res.status()).as(what).isEqualTo(200);
                } else {
                    softly.assertThat(res.status()).as(what).isEqualTo(403);
                    softly.assertThat(res.json().get("error").asText()).as(what).contains("Viewer may only read");
                    softly.assertThat(res.json().get("code").asInt()).as(what).isEqualTo(403);
                }
            }
            softly.assertThat(BadInputTest.snapshot(owner, c)).as(config.name() + ": state after the refusals")
                    .isEqualTo(before);
            Harness.Res fresh = owner.send("POST", "/v1/collections", "{\"name\":\"After the matrix\"}",
                    "Content-Type", "application/json", "Idempotency-Key", IDEMPOTENCY_KEY);
            softly.assertThat(fresh.status()).as("no refused request stored its Idempotency-Key: " + fresh)
                    .isEqualTo(201);
            softly.assertThat(fresh.body()).contains("After the matrix");
            softly.assertAll();
        });
    }

    /** The unknown-role token of the cases. */
    private static String bad(List<Case> cases) {
        return cases.stream().filter(bad -> bad.name().equals("an unknown role")).findFirst().orElseThrow()
                .authorization();
    }

    private static void checkErrorBody(SoftAssertions softly, Harness.Res res, Case bad, Config config, String what) {
        JsonNode body = res.json();
        Set<String> fields = new HashSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        softly.assertThat(fields).as(what).containsExactlyInAnyOrder("error", "code");
        softly.assertThat(body.get("code").asInt()).as(what).isEqualTo(bad.status());
        softly.assertThat(body.get("error").asText()).as(what).contains(bad.messagePart());
        String challenge = res.header("WWW-Authenticate");
        if (bad.status() == 401) {
            softly.assertThat(challenge).as(what).isEqualTo(bad.authorization() == null || bad.authorization().isEmpty()
                    ? "Bearer"
                    : "Bearer error=\"invalid_token\", error_description=\"" + body.get("error").asText() + "\"");
        } else {
            softly.assertThat(challenge).as(what).isNull();
        }
        String everything = res.body() + "\n" + res.headers().map();
        for (String secret : secretsIn(bad.authorization(), config)) {
            softly.assertThat(everything).as(what + ": echoes no token or key").doesNotContain(secret);
        }
    }

    /** The parts of the token and key that must never appear in an answer. */
    private static List<String> secretsIn(String authorization, Config config) {
        List<String> secrets = new ArrayList<>();
        if (authorization != null && authorization.length() > "Bearer ".length() + 8) {
            for (String part : authorization.substring("Bearer ".length()).split("\\.")) {
                if (part.length() >= 8) {
                    secrets.add(part);
                }
            }
        }
        config.keyMaterial().lines().filter(line -> !line.startsWith("-----") && line.length() >= 16)
                .forEach(secrets::add);
        return secrets;
    }

    /** A registered /v1 route, and how to call it with the ids of a collection and a product. */
    record Route(HandlerType method, String path) {
        Harness.Res send(Harness.Client client, Ids ids) {
            String key = method + " " + path;
            String body = SAMPLE_BODIES.get(key);
            if (body == null && (method == HandlerType.POST || method == HandlerType.PATCH)) {
                throw new AssertionError("add a sample body for the new route " + key + " to SAMPLE_BODIES");
            }
            String filled = path.replace("{product_id}", ids.product())
                    .replace("{id}", path.startsWith("/v1/collections") ? ids.collection() : ids.product());
            if (filled.contains("{")) {
                throw new AssertionError("say which id goes into " + path);
            }
            if (body == null) {
                return client.send(method.name(), filled, null);
            }
            return client.send(method.name(), filled, body.replace("{P}", ids.product()), "Content-Type",
                    "application/json", "Idempotency-Key", IDEMPOTENCY_KEY);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> v1Routes(Harness harness) {
        List<Route> routes = new ArrayList<>();
        for (ParsedEndpoint endpoint : harness.app.unsafe.internalRouter.allHttpHandlers()) {
            if (endpoint.endpoint.method.isHttpMethod() && endpoint.endpoint.method != HandlerType.HEAD
                    && endpoint.endpoint.path.startsWith("/v1/")) {
                routes.add(new Route(endpoint.endpoint.method, endpoint.endpoint.path));
            }
        }
        return routes;
    }

    static JWTClaimsSet claims(Config config, Consumer<JWTClaimsSet.Builder> edit) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("alice")
                .claim("client_id", "acme")
                .claim("roles", List.of("Owner"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
        if (config.issuer() != null) {
            claims.issuer(config.issuer());
        }
        if (config.audience() != null) {
            claims.audience(config.audience());
        }
        edit.accept(claims);
        return claims.build();
    }

    static String sign(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static JWSSigner mac(String secret) {
        try {
            return new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWSSigner ec(KeyPair pair) {
        try {
            return new ECDSASigner((ECPrivateKey) pair.getPrivate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
