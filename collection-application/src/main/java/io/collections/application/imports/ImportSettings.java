package io.collections.application.imports;

import java.time.Duration;
import java.util.Objects;

/**
 * The per-client limits of the import endpoint and how background jobs are leased: an instance holds a job for
 * {@code lease} and renews it every {@code heartbeat}; a job whose lease ran out belongs to whoever claims it next.
 * A running import writes its progress (processed and skipped counts) at most every {@code progressInterval}.
 */
public record ImportSettings(int requestsPerSecond, int maxActivePerClient, Duration lease, Duration heartbeat,
        String instanceId, Duration progressInterval) {
    /** Often enough for a client polling the job; rarely enough that a fast import does not wait on its job row. */
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(1);

    public ImportSettings {
        if (requestsPerSecond < 1 || maxActivePerClient < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        Objects.requireNonNull(instanceId, "instanceId");
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("the heartbeat must be shorter than the lease");
        }
        if (progressInterval.isNegative()) {
            throw new IllegalArgumentException("the progress interval must not be negative");
        }
    }

    public ImportSettings(int requestsPerSecond, int maxActivePerClient, Duration lease, Duration heartbeat,
            String instanceId) {
        this(requestsPerSecond, maxActivePerClient, lease, heartbeat, instanceId, DEFAULT_PROGRESS_INTERVAL);
    }

    public static ImportSettings defaults(String instanceId) {
        return new ImportSettings(1, 10, Duration.ofSeconds(30), Duration.ofSeconds(5), instanceId);
    }
}
