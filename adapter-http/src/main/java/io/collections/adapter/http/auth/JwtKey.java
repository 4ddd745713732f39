package io.collections.adapter.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The key tokens are verified with, bound to the one algorithm it allows: HS256 for a shared secret, RS256 for
 * an RSA public key, ES256 for an EC P-256 public key. Binding the algorithm to the key is what rules out
 * {@code alg: none} and HMAC/RSA confusion. Factories throw {@link IllegalArgumentException} with a message that
 * describes the problem (the caller prefixes the setting's name) and never quotes the key.
 */
public final class JwtKey {
    /** The fewest bytes an HS256 secret may have: the hash's own size (RFC 7518 section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;
    private static final int MIN_RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JWSAlgorithm algorithm;
    private final JWSVerifier verifier;

    private JwtKey(JWSAlgorithm algorithm, JWSVerifier verifier) {
        this.algorithm = algorithm;
        this.verifier = verifier;
    }

    /** An HS256 key: the secret's UTF-8 bytes, at least {@value #MIN_SECRET_BYTES} of them. */
    public static JwtKey hmacSecret(String secret) {
        try {
            return new JwtKey(JWSAlgorithm.HS256, new MACVerifier(secretBytes(secret)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot be used as an HS256 key");
        }
    }

    /** An RS256 or ES256 key from a PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo). */
    public static JwtKey publicKeyPem(String pem) {
        PublicKey key = Pem.publicKey(pem);
        try {
            if (key instanceof RSAPublicKey rsa) {
                if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new IllegalArgumentException("holds an RSA key of " + rsa.getModulus().bitLength()
                            + " bits; RS256 needs at least " + MIN_RSA_BITS);
                }
                return new JwtKey(JWSAlgorithm.RS256, new RSASSAVerifier(rsa));
            }
            if (key instanceof ECPublicKey ec) {
                if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                    throw new IllegalArgumentException("holds an EC key that is not on the P-256 curve ES256 needs");
                }
                return new JwtKey(JWSAlgorithm.ES256, new ECDSAVerifier(ec));
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("holds a key that cannot verify " + key.getAlgorithm() + " signatures");
        }
        throw new IllegalArgumentException("holds a " + key.getAlgorithm() + " key; expected RSA or EC P-256");
    }

    /** A fresh random secret for HS256 (32 random bytes, base64url, so 43 characters), for a run without a key. */
    public static String randomSecret() {
        byte[] bytes = new byte[MIN_SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The one JWS algorithm this key accepts, such as {@code HS256}. */
    public String algorithm() {
        return algorithm.getName();
    }

    JWSAlgorithm jwsAlgorithm() {
        return algorithm;
    }

    JWSVerifier verifier() {
        return verifier;
    }

    static byte[] secretBytes(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("must be at least " + MIN_SECRET_BYTES + " bytes in UTF-8");
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "JwtKey[" + algorithm.getName() + "]";
    }
}
