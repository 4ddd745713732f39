package io.collections.adapter.http.auth;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads keys from PEM text with the JDK's own key factories: {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) or a
 * {@code CERTIFICATE} for verifying, {@code PRIVATE KEY} (PKCS#8) for signing; RSA or EC either way. Messages
 * name the expected form and never quote the text.
 */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Pem() {
    }

    static PublicKey publicKey(String pem) {
        Block block = block(pem, "a PEM public key (-----BEGIN PUBLIC KEY-----, or a CERTIFICATE)");
        try {
            switch (block.type()) {
                case "PUBLIC KEY":
                    return decode(block.der(), new X509EncodedKeySpec(block.der()));
                case "CERTIFICATE":
                    return CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(block.der())).getPublicKey();
                default:
                    throw new IllegalArgumentException("holds a PEM " + block.type() + " block; expected PUBLIC KEY"
                            + " (for an RSA PKCS#1 key: openssl rsa -RSAPublicKey_in -pubout)");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("holds a " + block.type() + " block that cannot be read");
        }
    }

    static PrivateKey privateKey(String pem) {
        Block block = block(pem, "a PEM private key (-----BEGIN PRIVATE KEY-----)");
        if (!block.type().equals("PRIVATE KEY")) {
            throw new IllegalArgumentException("holds a PEM " + block.type() + " block; expected an unencrypted PKCS#8"
                    + " PRIVATE KEY (convert with: openssl pkcs8 -topk8 -nocrypt)");
        }
        try {
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(block.der());
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(spec);
            } catch (InvalidKeySpecException notRsa) {
                return KeyFactory.getInstance("EC").generatePrivate(spec);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("holds a PRIVATE KEY that is neither RSA nor EC");
        }
    }

    private static PublicKey decode(byte[] der, X509EncodedKeySpec spec) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (InvalidKeySpecException notRsa) {
            try {
                return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException notEc) {
                throw new IllegalArgumentException("holds a PUBLIC KEY that is neither RSA nor EC");
            }
        }
    }

    private static Block block(String pem, String expected) {
        Matcher matcher = BLOCK.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("is not " + expected);
        }
        try {
            return new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not " + expected + ": its base64 does not decode");
        }
    }

    private record Block(String type, byte[] der) {
    }
}
