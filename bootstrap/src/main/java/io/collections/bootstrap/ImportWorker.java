package io.collections.bootstrap;

import io.collections.application.imports.ImportCatalog;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background imports on this instance: a few threads that each claim a queued (or abandoned) job, run it
 * under its lease, and look again, waiting {@code pollInterval} when there was nothing to claim. Stopping lets
 * each running import give its job back at its next page (rolled back, queued again for any instance) rather
 * than fail it; threads are never interrupted, since an interrupt would close an embedded H2 file under the import.
 */
final class ImportWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final ImportCatalog importCatalog;
    private final int threads;
    private final Duration pollInterval;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private ExecutorService executor;

    ImportWorker(ImportCatalog importCatalog, int threads, Duration pollInterval) {
        if (threads < 1) {
            throw new IllegalArgumentException("a worker needs at least one thread");
        }
        this.importCatalog = importCatalog;
        this.threads = threads;
        this.pollInterval = pollInterval;
    }

    synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("the import worker is already started");
        }
        AtomicInteger number = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "collections-import-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            executor.execute(this::loop);
        }
    }

    /**
     * Stops claiming, asks running imports to give their jobs back, and waits up to {@code grace} for them.
     *
     * @return true when every thread ended within the grace period
     */
    synchronized boolean stop(Duration grace) {
        stopRequested.countDown();
        if (executor == null) {
            return true;
        }
        executor.shutdown();
        try {
            boolean ended = executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                LOG.warn("background imports still running after {} ms; they will be taken over when their lease"
                        + " lapses", grace.toMillis());
            }
            return ended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void loop() {
        int failuresInARow = 0;
        while (!stopping()) {
            boolean ran;
            try {
                ran = importCatalog.runNextBackgroundJob(this::stopping);
                failuresInARow = 0;
            } catch (RuntimeException failure) {
                // Recorded on the job already (as a generic line for the client); the details are for operators.
                LOG.warn("a background import failed: {}", failure.toString());
                failuresInARow++;
                ran = false;
            }
            if (!ran && pause(failuresInARow)) {
                return;
            }
        }
    }

    /**
     * Waits for the next poll, longer after failures in a row (the database may be away: no need to ask it, and
     * to log, ten times a second), up to {@link #LONGEST_PAUSE}; true when a stop was requested meanwhile.
     */
    private boolean pause(int failuresInARow) {
        long millis = pollInterval.toMillis() << Math.min(failuresInARow, 10);
        try {
            return stopRequested.await(Math.min(millis, LONGEST_PAUSE.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
