package io.collections.adapter.providers.fetch;

import java.time.Instant;

/**
 * When the provider says a product was created and last updated there, each null when it does not say (or says
 * something that does not parse): the page puts them into the product's {@code source}.
 */
public record SourceTimes(Instant createdAt, Instant updatedAt) {
    /** A provider that gives neither. */
    public static final SourceTimes NONE = new SourceTimes(null, null);

    /** The times of a product made of several records: the earliest creation, the latest update. */
    public SourceTimes merge(SourceTimes other) {
        return new SourceTimes(earlier(createdAt, other.createdAt), later(updatedAt, other.updatedAt));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isBefore(a) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
