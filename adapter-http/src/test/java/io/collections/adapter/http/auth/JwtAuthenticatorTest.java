package io.collections.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.collections.application.Caller;
import io.collections.application.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The claim checks at their edges, on a fixed clock. */
class JwtAuthenticatorTest {
    private static final String SECRET = "unit-test-secret-that-is-long-enough-0123";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final JwtAuthenticator authenticator = new JwtAuthenticator(JwtKey.hmacSecret(SECRET),
            Optional.empty(), Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aGoodTokenNamesTheClientTheUserAndTheKnownRoles() {
        Caller caller = authenticator.authenticate(bearer(c -> c.claim("roles",
                List.of("Viewer", "DataEditor", "Superuser", "owner"))));

        assertThat(caller).isEqualTo(Caller.of("acme", "alice", Role.VIEWER, Role.DATA_EDITOR));
        assertThat(authenticator.authenticate("bearer " + token(c -> { })).userId().value()).isEqualTo("alice");
    }

    @Test
    void sixtySecondsOfClockSkewEitherWayAndNotOneMore() {
        assertThat(authenticator.authenticate(bearer(c -> c.expirationTime(at(-59))))).isNotNull();
        assertThatThrownBy(() -> authenticator.authenticate(bearer(c -> c.expirationTime(at(-60)))))
                .hasMessage("the token has expired");
        assertThat(authenticator.authenticate(bearer(c -> c.notBeforeTime(at(60))))).isNotNull();
        assertThatThrownBy(() -> authenticator.authenticate(bearer(c -> c.notBeforeTime(at(61)))))
                .hasMessage("the token is not valid yet (nbf)");
    }

    @Test
    void claimsOfTheWrongShapeAreRefusedByName() {
        assertThatThrownBy(() -> authenticator.authenticate(bearer(c -> c.claim("client_id", "x".repeat(129)))))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("the token's claims are not valid: client_id must be 1 to 128 characters");
        assertThatThrownBy(() -> authenticator.authenticate(bearer(c -> c.claim("client_id", " "))))
                .hasMessage("the token's client_id must be a non-empty string");
        assertThatThrownBy(() -> authenticator.authenticate(bearer(c -> c.subject("  "))))
                .hasMessage("the token has no subject (sub)");
        assertThatThrownBy(() -> authenticator.authenticate(bearer(c -> c.claim("roles", Arrays.asList("Owner", 7)))))
                .hasMessage("the token's roles claim must be an array of strings");
        assertThatThrownBy(() -> authenticator.authenticate(bearer(c -> c.claim("exp", "tomorrow"))))
                .hasMessage("the token is malformed: its claims are not a valid JSON object");
        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + "a".repeat(8193)))
                .hasMessageContaining("longer than 8192 characters");
    }

    @Test
    void anIssuerAndAnAudienceAreCheckedOnlyWhenConfigured() {
        JwtAuthenticator strict = new JwtAuthenticator(JwtKey.hmacSecret(SECRET), Optional.of("https://id.test"),
                Optional.of("collections"), Clock.fixed(NOW, ZoneOffset.UTC));
        String both = bearer(c -> c.issuer("https://id.test").audience(List.of("other", "collections")));

        assertThat(strict.authenticate(both).clientId().value()).isEqualTo("acme");
        assertThat(authenticator.authenticate(bearer(c -> c.issuer("anyone").audience("anything")))).isNotNull();
        assertThatThrownBy(() -> strict.authenticate(bearer(c -> c.audience("collections"))))
                .hasMessage("the token's issuer (iss) is not accepted");
        assertThatThrownBy(() -> strict.authenticate(bearer(c -> c.issuer("https://id.test"))))
                .hasMessage("the token's audience (aud) does not include this API");
    }

    @Test
    void theChallengeCarriesTheReasonButNoQuotesOrControlCharacters() {
        assertThat(AuthenticationException.missing("none sent").challenge()).isEqualTo("Bearer");
        assertThat(new AuthenticationException("bad \"x\"\n\\y").challenge())
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"bad xy\"");
    }

    @Test
    void aSecretShorterThan32BytesOfUtf8IsRefusedWithoutQuotingIt() {
        String shortSecret = "only-31-bytes-long-secret-value";
        assertThat(shortSecret.getBytes(StandardCharsets.UTF_8)).hasSize(31);
        assertThatThrownBy(() -> JwtKey.hmacSecret(shortSecret)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be at least 32 bytes in UTF-8");
        assertThatThrownBy(() -> JwtSigner.hmacSecret(shortSecret)).hasMessageNotContaining(shortSecret);
        String elevenEuros = "€".repeat(11);
        assertThat(JwtKey.hmacSecret(elevenEuros).algorithm()).as("33 bytes in 11 characters").isEqualTo("HS256");
        assertThat(JwtKey.randomSecret()).hasSize(43).isNotEqualTo(JwtKey.randomSecret());
    }

    @Test
    void aRememberedTokenStillExpiresAndTheMemoryIsBounded() {
        MovingClock clock = new MovingClock(NOW);
        JwtAuthenticator remembering = new JwtAuthenticator(JwtKey.hmacSecret(SECRET), Optional.empty(),
                Optional.empty(), clock, 3);
        String token = bearer(c -> c.expirationTime(at(100)));

        assertThat(remembering.authenticate(token)).isEqualTo(remembering.authenticate(token));
        assertThat(remembering.rememberedTokens()).isEqualTo(1);
        clock.now = NOW.plusSeconds(159);
        assertThat(remembering.authenticate(token).clientId().value()).isEqualTo("acme");
        clock.now = NOW.plusSeconds(160);
        assertThatThrownBy(() -> remembering.authenticate(token)).hasMessage("the token has expired");
        assertThat(remembering.rememberedTokens()).isZero();

        clock.now = NOW;
        for (int i = 0; i < 10; i++) {
            String user = "user" + i;
            assertThat(remembering.authenticate(bearer(c -> c.subject(user))).userId().value()).isEqualTo(user);
            assertThat(remembering.rememberedTokens()).isBetween(1, 3);
        }
        String good = token(c -> { });
        String[] parts = good.split("\\.");
        remembering.authenticate("Bearer " + good);
        assertThatThrownBy(() -> remembering.authenticate("Bearer " + parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 2) + (parts[2].endsWith("AA") ? "BA" : "AA")))
                .as("a changed signature is checked, not taken from memory")
                .hasMessage("the token's signature does not verify");
        JwtAuthenticator forgetful = new JwtAuthenticator(JwtKey.hmacSecret(SECRET), Optional.empty(),
                Optional.empty(), clock, 0);
        forgetful.authenticate("Bearer " + good);
        assertThat(forgetful.rememberedTokens()).isZero();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static Date at(long secondsFromNow) {
        return Date.from(NOW.plusSeconds(secondsFromNow));
    }

    static String bearer(Consumer<JWTClaimsSet.Builder> edit) {
        return "Bearer " + token(edit);
    }

    static String token(Consumer<JWTClaimsSet.Builder> edit) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("alice").claim("client_id", "acme")
                .claim("roles", List.of("Owner")).expirationTime(Date.from(NOW.plusSeconds(600)));
        edit.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

}
