package io.collections.adapter.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.collections.application.Role;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Date;
import java.util.UUID;

/**
 * Mints tokens the {@link JwtAuthenticator} accepts: HS256 with the shared secret, or RS256/ES256 with the
 * private half of the configured public key. Used for the first-run token and the {@code token} command.
 */
public final class JwtSigner {
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;

    private JwtSigner(JWSAlgorithm algorithm, JWSSigner signer) {
        this.algorithm = algorithm;
        this.signer = signer;
    }

    /** Signs HS256 with the secret's UTF-8 bytes, at least {@value JwtKey#MIN_SECRET_BYTES} of them. */
    public static JwtSigner hmacSecret(String secret) {
        try {
            return new JwtSigner(JWSAlgorithm.HS256, new MACSigner(JwtKey.secretBytes(secret)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot be used as an HS256 key");
        }
    }

    /** Signs RS256 with an RSA key, ES256 with an EC P-256 key, from a PEM PKCS#8 {@code PRIVATE KEY} block. */
    public static JwtSigner privateKeyPem(String pem) {
        PrivateKey key = Pem.privateKey(pem);
        try {
            if (key instanceof RSAPrivateKey rsa) {
                return new JwtSigner(JWSAlgorithm.RS256, new RSASSASigner(rsa));
            }
            if (key instanceof ECPrivateKey ec && Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                return new JwtSigner(JWSAlgorithm.ES256, new ECDSASigner(ec));
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("holds a key that cannot sign");
        }
        throw new IllegalArgumentException("holds a key that is neither RSA nor EC P-256");
    }

    /** The algorithm the tokens are signed with, such as {@code RS256}. */
    public String algorithm() {
        return algorithm.getName();
    }

    /** The compact serialization of a signed token with these claims. */
    public String sign(TokenClaims claims) {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .subject(claims.subject().value())
                .claim("client_id", claims.clientId().value())
                .claim("roles", claims.roles().stream().sorted().map(Role::claimName).toList())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(UUID.randomUUID().toString());
        claims.issuer().ifPresent(body::issuer);
        claims.audience().ifPresent(body::audience);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), body.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with " + algorithm.getName(), e);
        }
        return jwt.serialize();
    }
}
