package io.collections.application.memory;

import io.collections.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors for the in-memory adapters: the key of the last item handed out, base64url-encoded. */
final class Cursors {
    private Cursors() {
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String[] decode(String cursor, int parts) {
        try {
            String[] decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            if (decoded.length != parts) {
                throw invalid();
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor this server handed out");
    }
}
