package io.collections.adapter.http;

import io.collections.adapter.http.auth.JwtAuthenticator;
import io.collections.adapter.http.auth.JwtKey;
import io.collections.adapter.http.auth.JwtSigner;
import io.collections.adapter.http.auth.TokenClaims;
import io.collections.application.Role;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Real HS256 tokens for the route tests, so every test goes through the JWT authenticator the server uses. */
public final class TestTokens {
    static final String SECRET = "a-test-secret-of-the-http-adapter-0123456789";
    private static final JwtSigner SIGNER = JwtSigner.hmacSecret(SECRET);

    private TestTokens() {
    }

    public static JwtAuthenticator authenticator() {
        return new JwtAuthenticator(JwtKey.hmacSecret(SECRET), Optional.empty(), Optional.empty(), Clock.systemUTC());
    }

    /** {@code Bearer <JWT>} for the user of the client with the comma-separated roles (none when empty). */
    public static String bearer(String client, String user, String roles) {
        Set<Role> parsed = roles.isEmpty() ? Set.of() : Arrays.stream(roles.split(","))
                .map(name -> Role.fromClaim(name).orElseThrow(() -> new IllegalArgumentException(name)))
                .collect(Collectors.toSet());
        Instant now = Instant.now();
        return "Bearer " + SIGNER.sign(new TokenClaims(new ClientId(client), new UserId(user), parsed, now,
                now.plus(Duration.ofHours(1)), Optional.empty(), Optional.empty()));
    }
}
