package io.collections.adapter.http.routes;

import io.collections.domain.InvalidInputException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a query string that is not validly percent-encoded UTF-8. Javalin's parser drops a parameter it cannot
 * decode, so {@code ?limit=%} would otherwise list with the default limit and {@code ?name=%ZZ} without the filter.
 */
public final class QueryStrings {
    private QueryStrings() {
    }

    public static void requireWellFormed(Context ctx) {
        String query = ctx.queryString();
        if (query != null && !isWellFormed(query)) {
            throw new InvalidInputException("query string", "must be percent-encoded UTF-8 (a '%' followed by two"
                    + " hexadecimal digits)");
        }
    }

    static boolean isWellFormed(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Jetty hands over characters it already decoded from raw UTF-8; they are well formed.
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
