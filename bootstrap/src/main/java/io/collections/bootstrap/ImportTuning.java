package io.collections.bootstrap;

import java.time.Duration;

/**
 * How this instance runs background imports: how long it leases a job and how often it renews the lease, how
 * often an idle worker looks for work, how many imports it runs at once, and how long a stop waits for them.
 */
record ImportTuning(Duration lease, Duration heartbeat, Duration pollInterval, int workerThreads,
        Duration stopGrace) {
    static final ImportTuning DEFAULT = new ImportTuning(Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofMillis(500), 2, Duration.ofSeconds(10));
}
