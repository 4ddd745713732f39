package io.collections.adapter.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.collections.application.Caller;
import io.collections.application.Role;
import io.collections.domain.ClientId;
import io.collections.domain.InvalidInputException;
import io.collections.domain.UserId;
import java.nio.ByteBuffer;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies {@code Authorization: Bearer <JWT>} with Nimbus JOSE+JWT (SPEC section 8): the signature with the
 * configured key and only its algorithm, {@code exp} (required) and {@code nbf} with 60 seconds of clock skew,
 * {@code iss} and {@code aud} when configured; then {@code sub} is the user, {@code client_id} the tenant and
 * {@code roles} (an array of strings) the roles, unknown names ignored. Each refusal names the check that failed
 * and nothing of the token or the key. A token that passed is remembered (by its SHA-256) so that sending it
 * again costs a lookup and the time checks, not another signature check. Thread-safe.
 */
public final class JwtAuthenticator implements Authenticator {
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_TOKEN_CHARS = 8192;
    private static final String SCHEME = "Bearer ";

    /** How many verified tokens are remembered by default. */
    public static final int DEFAULT_CACHE_CAPACITY = 4096;

    private final JwtKey key;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final Clock clock;
    private final VerifiedTokens verified;

    public JwtAuthenticator(JwtKey key, Optional<String> issuer, Optional<String> audience, Clock clock) {
        this(key, issuer, audience, clock, DEFAULT_CACHE_CAPACITY);
    }

    /** @param cacheCapacity how many verified tokens to remember; 0 verifies every request from scratch */
    public JwtAuthenticator(JwtKey key, Optional<String> issuer, Optional<String> audience, Clock clock,
            int cacheCapacity) {
        this.key = Objects.requireNonNull(key, "key");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verified = new VerifiedTokens(cacheCapacity);
    }

    @Override
    public Caller authenticate(String authorizationHeader) {
        String token = token(authorizationHeader);
        ByteBuffer cacheKey = verified.keyOf(token);
        VerifiedTokens.Verified known = verified.find(cacheKey);
        if (known != null) {
            try {
                checkTimes(known.expires(), known.notBefore());
            } catch (AuthenticationException e) {
                verified.forget(cacheKey);
                throw e;
            }
            return known.caller();
        }
        JWTClaimsSet claims = verifiedClaims(token);
        Caller caller = caller(claims);
        verified.remember(cacheKey, new VerifiedTokens.Verified(caller, claims.getExpirationTime().toInstant(),
                claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant()));
        return caller;
    }

    /** How many verified tokens are remembered now. */
    int rememberedTokens() {
        return verified.size();
    }

    private static String token(String header) {
        if (header == null || header.isBlank()) {
            throw AuthenticationException.missing("the Authorization header is missing; send Authorization: Bearer <token>");
        }
        if (header.strip().equalsIgnoreCase(SCHEME.strip())) {
            throw new AuthenticationException("the Authorization header is malformed: the bearer token is empty");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new AuthenticationException("the Authorization header is malformed: it must be Bearer <token>");
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new AuthenticationException("the token is malformed: longer than " + MAX_TOKEN_CHARS + " characters");
        }
        return token;
    }

    private JWTClaimsSet verifiedClaims(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new AuthenticationException("the token is malformed: it is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new AuthenticationException("the token is not signed (alg none); it must be signed with "
                    + key.algorithm());
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new AuthenticationException("the token is not a signed JWT; it must be signed with " + key.algorithm());
        }
        if (!key.jwsAlgorithm().equals(signed.getHeader().getAlgorithm())) {
            throw new AuthenticationException("the token's signing algorithm is not accepted; this server accepts "
                    + key.algorithm() + " only");
        }
        boolean valid;
        try {
            valid = signed.verify(key.verifier());
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new AuthenticationException("the token's signature does not verify");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthenticationException("the token is malformed: its claims are not a valid JSON object");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new AuthenticationException("the token has no expiry (exp)");
        }
        Date notBefore = claims.getNotBeforeTime();
        checkTimes(expires.toInstant(), notBefore == null ? null : notBefore.toInstant());
        checkIssuerAndAudience(claims);
        return claims;
    }

    private void checkTimes(Instant expires, Instant notBefore) {
        Instant now = clock.instant();
        if (!now.isBefore(expires.plus(CLOCK_SKEW))) {
            throw new AuthenticationException("the token has expired");
        }
        if (notBefore != null && now.isBefore(notBefore.minus(CLOCK_SKEW))) {
            throw new AuthenticationException("the token is not valid yet (nbf)");
        }
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims) {
        if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
            throw new AuthenticationException("the token's issuer (iss) is not accepted");
        }
        if (audience.isPresent() && (claims.getAudience() == null || !claims.getAudience().contains(audience.get()))) {
            throw new AuthenticationException("the token's audience (aud) does not include this API");
        }
    }

    private static Caller caller(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new AuthenticationException("the token has no subject (sub)");
        }
        Object client = claims.getClaim("client_id");
        if (client == null) {
            throw new AuthenticationException("the token has no client_id");
        }
        if (!(client instanceof String clientId) || clientId.isBlank()) {
            throw new AuthenticationException("the token's client_id must be a non-empty string");
        }
        try {
            return new Caller(new ClientId(clientId), new UserId(subject), roles(claims.getClaim("roles")));
        } catch (InvalidInputException e) {
            throw new AuthenticationException("the token's claims are not valid: " + e.getMessage());
        }
    }

    private static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim == null) {
            return roles;
        }
        if (!(claim instanceof List<?> names)) {
            throw new AuthenticationException("the token's roles claim must be an array of strings");
        }
        for (Object name : names) {
            if (!(name instanceof String text)) {
                throw new AuthenticationException("the token's roles claim must be an array of strings");
            }
            Role.fromClaim(text).ifPresent(roles::add);
        }
        return roles;
    }
}
