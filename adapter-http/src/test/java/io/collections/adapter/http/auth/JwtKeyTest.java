package io.collections.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.application.Role;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which PEM keys are taken, which are refused and why; and that each signer's tokens verify with its key. */
class JwtKeyTest {
    @Test
    void rsaAndEcP256PublicKeysBindRs256AndEs256() throws Exception {
        KeyPair rsa = pair("RSA", 2048);
        KeyPair ec = ec("secp256r1");

        assertThat(JwtKey.publicKeyPem(pem(rsa.getPublic())).algorithm()).isEqualTo("RS256");
        assertThat(JwtKey.publicKeyPem("some text before\n" + pem(ec.getPublic()) + "and after").algorithm())
                .isEqualTo("ES256");
        roundTrip(JwtSigner.privateKeyPem(pem(rsa.getPrivate())), JwtKey.publicKeyPem(pem(rsa.getPublic())));
        roundTrip(JwtSigner.privateKeyPem(pem(ec.getPrivate())), JwtKey.publicKeyPem(pem(ec.getPublic())));
        roundTrip(JwtSigner.hmacSecret("s".repeat(32)), JwtKey.hmacSecret("s".repeat(32)));
    }

    @Test
    void weakOrUnsupportedKeysAreRefusedWithoutQuotingThem() throws Exception {
        String weak = pem(pair("RSA", 1024).getPublic());
        assertThatThrownBy(() -> JwtKey.publicKeyPem(weak)).hasMessage("holds an RSA key of 1024 bits; RS256 needs at"
                + " least 2048");
        assertThatThrownBy(() -> JwtKey.publicKeyPem(pem(ec("secp384r1").getPublic())))
                .hasMessage("holds an EC key that is not on the P-256 curve ES256 needs");
        String privatePem = pem(pair("RSA", 2048).getPrivate());
        assertThatThrownBy(() -> JwtKey.publicKeyPem(privatePem)).hasMessageStartingWith("holds a PEM PRIVATE KEY"
                + " block; expected PUBLIC KEY").hasMessageNotContaining(privatePem.lines().skip(1).findFirst().get());
        assertThatThrownBy(() -> JwtKey.publicKeyPem("not a key at all"))
                .hasMessage("is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        assertThatThrownBy(() -> JwtKey.publicKeyPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .hasMessage("holds a PUBLIC KEY that is neither RSA nor EC");
        assertThatThrownBy(() -> JwtSigner.privateKeyPem(pem(pair("RSA", 2048).getPublic())))
                .hasMessageStartingWith("holds a PEM PUBLIC KEY block; expected an unencrypted PKCS#8 PRIVATE KEY");
        assertThatThrownBy(() -> JwtSigner.privateKeyPem(pem(ec("secp384r1").getPrivate())))
                .hasMessage("holds a key that is neither RSA nor EC P-256");
    }

    private static void roundTrip(JwtSigner signer, JwtKey key) {
        Instant now = Instant.now();
        String token = signer.sign(new TokenClaims(new ClientId("acme"), new UserId("alice"),
                Set.of(Role.ADMIN, Role.VIEWER), now, now.plus(Duration.ofMinutes(5)), Optional.of("iss"),
                Optional.of("aud")));
        JwtAuthenticator authenticator = new JwtAuthenticator(key, Optional.of("iss"), Optional.of("aud"),
                Clock.systemUTC());

        assertThat(signer.algorithm()).isEqualTo(key.algorithm());
        assertThat(authenticator.authenticate("Bearer " + token).roles()).containsExactlyInAnyOrder(Role.ADMIN,
                Role.VIEWER);
    }

    private static KeyPair pair(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static String pem(Key key) {
        String type = key instanceof PublicKey ? "PUBLIC KEY" : "PRIVATE KEY";
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }
}
