package io.collections.bootstrap;

import io.collections.adapter.http.auth.Authenticator;
import io.collections.adapter.http.auth.JwtAuthenticator;
import io.collections.adapter.http.auth.JwtKey;
import io.collections.adapter.http.auth.JwtSigner;
import io.collections.adapter.http.auth.TokenClaims;
import io.collections.application.Role;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * How this server verifies and mints tokens, from the {@code COLLECTIONS_JWT_*} settings: an HS256 secret, a PEM
 * public key (RS256 or ES256), or, with neither, a random secret made for this run (decisions 0050 and 0051). A setting that
 * cannot be used is a {@link ConfigurationException} naming the variable, so the server refuses to start.
 */
final class JwtSetup {
    static final String SECRET = "COLLECTIONS_JWT_SECRET";
    static final String PUBLIC_KEY = "COLLECTIONS_JWT_PUBLIC_KEY";
    /** How long the first-run token lasts; its secret ends with the process anyway. */
    static final Duration FIRST_RUN_TOKEN_TTL = Duration.ofHours(24);
    static final String DEMO_CLIENT = "demo";
    static final String DEMO_USER = "developer";

    private final JwtKey key;
    private final Optional<JwtSigner> signer;
    private final boolean generated;
    private final Optional<String> issuer;
    private final Optional<String> audience;

    private JwtSetup(JwtKey key, Optional<JwtSigner> signer, boolean generated, Settings settings) {
        this.key = key;
        this.signer = signer;
        this.generated = generated;
        this.issuer = settings.jwtIssuer();
        this.audience = settings.jwtAudience();
    }

    /** The configured key, or a random HS256 secret for this run when none is configured. */
    static JwtSetup from(Settings settings) {
        if (settings.jwtSecret().isPresent() && settings.jwtPublicKey().isPresent()) {
            throw new ConfigurationException("set " + SECRET + " or " + PUBLIC_KEY + ", not both: the server verifies"
                    + " tokens with exactly one key");
        }
        if (settings.jwtSecret().isPresent()) {
            String secret = settings.jwtSecret().get();
            return new JwtSetup(named(SECRET, () -> JwtKey.hmacSecret(secret)),
                    Optional.of(named(SECRET, () -> JwtSigner.hmacSecret(secret))), false, settings);
        }
        if (settings.jwtPublicKey().isPresent()) {
            String pem = read(PUBLIC_KEY, settings.jwtPublicKey().get());
            return new JwtSetup(named(PUBLIC_KEY, () -> JwtKey.publicKeyPem(pem)), Optional.empty(), false, settings);
        }
        String secret = JwtKey.randomSecret();
        return new JwtSetup(JwtKey.hmacSecret(secret), Optional.of(JwtSigner.hmacSecret(secret)), true, settings);
    }

    Authenticator authenticator(Clock clock) {
        return new JwtAuthenticator(key, issuer, audience, clock);
    }

    /** How tokens are checked, for the start-up line: the algorithm and where its key comes from, never the key. */
    String describe() {
        if (generated) {
            return key.algorithm() + " with a random secret made for this run";
        }
        return key.algorithm() + " with " + (signer.isPresent() ? SECRET : PUBLIC_KEY)
                + issuer.map(value -> ", iss checked").orElse("") + audience.map(value -> ", aud checked").orElse("");
    }

    /** An Owner token for client {@code demo}, user {@code developer}, when this run made its own secret. */
    Optional<String> firstRunToken(Clock clock) {
        if (!generated) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(mint(new ClientId(DEMO_CLIENT), new UserId(DEMO_USER), Set.of(Role.OWNER), now,
                now.plus(FIRST_RUN_TOKEN_TTL)));
    }

    /**
     * A token for a configured key. With an HS256 secret it is signed with the secret; with a public key, only the
     * private key given here can sign, and it must be the public key's other half.
     */
    String mintWithConfiguredKey(ClientId client, UserId subject, Set<Role> roles, Duration ttl,
            Optional<Path> privateKey, Clock clock) {
        Instant now = clock.instant();
        if (generated) {
            throw new ConfigurationException("no key is configured to sign with: set " + SECRET + " (at least "
                    + JwtKey.MIN_SECRET_BYTES + " bytes) for the server and for this command, or use the Owner token"
                    + " a server without a key prints at start");
        }
        if (privateKey.isPresent()) {
            if (signer.isPresent()) {
                throw new ConfigurationException("--private-key is for a server that verifies with " + PUBLIC_KEY
                        + "; this one verifies with " + SECRET + ", which signs the token itself");
            }
            String pem = read("--private-key", privateKey.get());
            JwtSigner fromFile = named("--private-key", () -> JwtSigner.privateKeyPem(pem));
            String token = sign(fromFile, client, subject, roles, now, now.plus(ttl));
            try {
                authenticator(clock).authenticate("Bearer " + token);
            } catch (RuntimeException e) {
                throw new ConfigurationException("--private-key is not the private half of " + PUBLIC_KEY
                        + " (expects " + key.algorithm() + "), so the server would refuse its tokens");
            }
            return token;
        }
        if (signer.isEmpty()) {
            throw new ConfigurationException(PUBLIC_KEY + " is a public key, which cannot sign: pass --private-key"
                    + " FILE with its PEM PKCS#8 private half, or mint tokens where the private key is kept");
        }
        return mint(client, subject, roles, now, now.plus(ttl));
    }

    private String mint(ClientId client, UserId subject, Set<Role> roles, Instant issuedAt, Instant expiresAt) {
        return sign(signer.orElseThrow(), client, subject, roles, issuedAt, expiresAt);
    }

    private String sign(JwtSigner with, ClientId client, UserId subject, Set<Role> roles, Instant issuedAt,
            Instant expiresAt) {
        return with.sign(new TokenClaims(client, subject, roles, issuedAt, expiresAt, issuer, audience));
    }

    private static String read(String name, Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(name + " names " + file + ", which cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private interface KeyFactory<T> {
        T make();
    }

    private static <T> T named(String name, KeyFactory<T> factory) {
        try {
            return factory.make();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(name + " " + e.getMessage());
        }
    }
}
