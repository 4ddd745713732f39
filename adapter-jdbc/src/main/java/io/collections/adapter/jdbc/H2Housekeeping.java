package io.collections.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 file from growing without bound at {@code WRITE_DELAY=0} (decision 0123). H2 writes each commit
 * as a new chunk and reuses a chunk's space only once nothing in it is live; the last leaf of every append-only
 * B-tree (ids, creation times, row maps) stays live in the chunk that wrote it, so almost every chunk stays, at a few
 * percent live. H2 moves such leaves to new chunks on its background writer, which runs only with a write delay; this
 * runs the same step, {@link MVStore#compact(int, int)}, on a daemon thread of its own, and stores what it moved
 * there, so that no request's commit pays for it.
 */
final class H2Housekeeping implements AutoCloseable {
    /** Compact once the live share of the chunks falls below this percentage, as H2's writer does when busy. */
    private static final int TARGET_FILL_RATE = 50;
    /** Live bytes moved per step: small steps hold H2's store lock briefly, so commits hardly wait. */
    private static final int BYTES_PER_STEP = 128 * 1024;
    private static final Duration PERIOD = Duration.ofMillis(50);
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    private final MVStore store;
    private final ScheduledExecutorService thread;

    private H2Housekeeping(MVStore store) {
        this.store = store;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "h2-housekeeping");
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(this::step, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts on the H2 file behind the data source; nothing (null) when it is not an embedded H2 file. */
    static H2Housekeeping start(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = DurableH2Commits.mvStore(connection);
            return store == null ? null : new H2Housekeeping(store);
        }
    }

    /**
     * One step: moves the live pages of the oldest, emptiest chunks H2 may rewrite (those past its retention time)
     * and stores them. With a write delay H2's own writer does this, so the step does nothing.
     */
    private void step() {
        try {
            if (store.isClosed() || store.getAutoCommitDelay() > 0) {
                return;
            }
            if (store.compact(TARGET_FILL_RATE, BYTES_PER_STEP)) {
                store.commit();
            }
        } catch (RuntimeException e) {
            // The database closing under a step, or a step failing, costs file space, never data: H2 rewrites a page
            // only by writing it anew, and frees the old one only after that write.
            if (!store.isClosed()) {
                LOG.warn("H2 housekeeping step failed; the file may grow until the next step: {}", e.toString());
            }
        }
    }

    /**
     * Stops the thread and waits for a step under way, so the database can close after it. Never by interrupting:
     * an interrupt during a file read or write closes H2's file channel, and with it the database.
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("H2 housekeeping did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
