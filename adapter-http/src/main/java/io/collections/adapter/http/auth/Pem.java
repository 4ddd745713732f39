package io.collections.adapter.http.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads keys from PEM text with the JDK's own key factories: {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) for
 * verifying, {@code PRIVATE KEY} (PKCS#8) for signing; RSA or EC either way. Messages name the expected form and
 * never quote the text.
 */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Pem() {
    }

    static PublicKey publicKey(String pem) {
        Block block = block(pem, "a PEM public key (-----BEGIN PUBLIC KEY-----)");
        if (!block.type().equals("PUBLIC KEY")) {
            throw new IllegalArgumentException("holds a PEM " + block.type() + " block; expected PUBLIC KEY (from a"
                    + " certificate: openssl x509 -pubkey -noout; from RSA PKCS#1: openssl rsa -RSAPublicKey_in -pubout)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException notRsa) {
            try {
                return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(block.der()));
            } catch (GeneralSecurityException notEc) {
                throw new IllegalArgumentException("holds a PUBLIC KEY that is neither RSA nor EC");
            }
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
            } catch (GeneralSecurityException notRsa) {
                return KeyFactory.getInstance("EC").generatePrivate(spec);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("holds a PRIVATE KEY that is neither RSA nor EC");
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
