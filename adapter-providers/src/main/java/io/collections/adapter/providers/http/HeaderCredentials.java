package io.collections.adapter.providers.http;

import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;

/**
 * A credential that travels in a request header, stripped of the blanks a paste brings along and refused when
 * it holds anything else a header cannot carry. OkHttp would throw on such a value with the value in its message,
 * which is how a token would reach a log.
 */
public final class HeaderCredentials {
    private HeaderCredentials() {
    }

    /** The stripped value; a {@code BAD_REQUEST} naming {@code field} (never the value) when it cannot be sent. */
    public static String sendable(String provider, String field, String value) {
        String stripped = value.strip();
        if (!stripped.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new CatalogFetchException(provider, Reason.BAD_REQUEST,
                    field + " holds characters that cannot be sent in a header");
        }
        return stripped;
    }
}
