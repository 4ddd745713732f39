package io.collections.domain.catalog;

import java.time.Duration;
import java.util.Map;

/**
 * What a whole fetch did: products read ({@code fetched}), the invalid ones skipped (by reason), the listings that
 * repeated a product already taken ({@code duplicates}), pages, retries and time taken.
 */
public record FetchSummary(long fetched, long skipped, Map<String, Long> skippedByReason, long duplicates, int pages,
        int retries, Duration elapsed) {
    public FetchSummary {
        skippedByReason = Map.copyOf(skippedByReason);
    }

    /** The products handed on to be imported. */
    public long valid() {
        return fetched - skipped - duplicates;
    }
}
