package io.collections.bootstrap;

import io.collections.application.idempotency.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic clean-up on a daemon thread of its own: expired idempotency keys are deleted every ten minutes. Every
 * instance runs it; the delete is one indexed statement, so instances doing it at once cost little.
 */
final class Housekeeping {
    static final Duration EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "collections-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    Housekeeping(IdempotencyStore idempotency, Clock clock) {
        scheduler.scheduleWithFixedDelay(() -> forgetExpiredKeys(idempotency, clock), 1, EVERY.toMinutes(),
                TimeUnit.MINUTES);
    }

    static void forgetExpiredKeys(IdempotencyStore idempotency, Clock clock) {
        try {
            int forgotten = idempotency.forgetExpired(clock.instant());
            if (forgotten > 0) {
                LOG.info("forgot {} expired idempotency keys", forgotten);
            }
        } catch (RuntimeException e) {
            // The next round tries again; a failure here must not end the scheduled task.
            LOG.warn("could not delete expired idempotency keys: {}", e.toString());
        }
    }

    void stop() {
        scheduler.shutdownNow();
    }
}
