package io.collections.adapter.providers.http;

import java.time.Duration;

/**
 * The retry budget shared by every fetcher: at most {@code maxAttempts} tries of one request and at most
 * {@code maxTotalTime} spent on it (waits included); backoff doubles from {@code initialBackoff} up to
 * {@code maxBackoff}, with jitter, when the provider gives no hint.
 */
public record RetryPolicy(int maxAttempts, Duration maxTotalTime, Duration initialBackoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (maxTotalTime.isNegative() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry durations must be positive and maxBackoff >= initialBackoff");
        }
    }

    /** Exponential backoff before attempt {@code attempt + 1}, jittered into [half, whole] of the nominal wait. */
    Duration backoff(int attempt, double random) {
        long nominal = initialBackoff.toMillis();
        for (int i = 1; i < attempt && nominal < maxBackoff.toMillis(); i++) {
            nominal *= 2;
        }
        nominal = Math.min(nominal, maxBackoff.toMillis());
        return Duration.ofMillis(nominal / 2 + (long) (random * (nominal - nominal / 2)));
    }
}
