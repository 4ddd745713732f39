package io.collections.domain.catalog;

import java.time.Duration;
import java.util.Map;

/** What a whole fetch did: products read and skipped (by reason), pages, retries and time taken. */
public record FetchSummary(long fetched, long skipped, Map<String, Long> skippedByReason, int pages, int retries,
        Duration elapsed) {
    public FetchSummary {
        skippedByReason = Map.copyOf(skippedByReason);
    }
}
