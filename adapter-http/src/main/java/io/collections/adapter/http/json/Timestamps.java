package io.collections.adapter.http.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps on the wire: ISO-8601 UTC with a {@code Z}, at second precision ({@code 2024-01-07T12:30:00Z}). */
public final class Timestamps {
    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
