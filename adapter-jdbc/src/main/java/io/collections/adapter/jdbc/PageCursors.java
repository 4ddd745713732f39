package io.collections.adapter.jdbc;

import io.collections.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: the parts of the last row's sort key, joined by newlines and base64url-encoded. The first
 * part names the list, so a cursor of one list is refused by another.
 */
final class PageCursors {
    private static final String SEPARATOR = "\n";

    private PageCursors() {
    }

    static String encode(List<String> parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor of the named list; the last part may itself hold newlines. */
    static List<String> decode(String cursor, String list, int parts) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] split = decoded.split(SEPARATOR, parts);
        if (split.length != parts || !split[0].equals(list)) {
            throw invalid();
        }
        return List.of(split);
    }

    static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor this server handed out");
    }

    /** Parses a cursor part, refusing the cursor when it is malformed. */
    static <T> T parse(String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }
}
