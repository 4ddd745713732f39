package io.collections.adapter.providers.fetch;

import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.SkippedProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Counts what a fetch did, page by page, into its {@link FetchSummary}. */
public final class FetchTally {
    private final Clock clock;
    private final Instant start;
    private final Map<String, Long> skippedByReason = new TreeMap<>();
    private long fetched;
    private long skipped;
    private long duplicates;

    public FetchTally(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    public void page(CatalogPage page) {
        fetched += page.read();
        for (SkippedProduct skip : page.skipped()) {
            skipped++;
            skippedByReason.merge(skip.reason(), 1L, Long::sum);
        }
        duplicates += page.duplicates();
    }

    /** The summary; {@code pages} counts pages requested, including an empty last one. */
    public FetchSummary summary(int pages, int retries) {
        return new FetchSummary(fetched, skipped, skippedByReason, duplicates, pages, retries,
                Duration.between(start, clock.instant()));
    }
}
