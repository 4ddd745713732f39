package io.collections.adapter.jdbc;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Gives PostgreSQL's planner statistics in the middle of a large import (decision 0067). A fresh or small catalog
 * has none (or stale ones: nothing guarantees that autovacuum runs), so once a transaction has inserted thousands
 * of products the per-page lookups are planned for an empty table and walk all of them. ANALYZE inside the
 * transaction counts its own uncommitted rows, and the transaction plans each statement anew so that the plans
 * follow the table as it grows. ANALYZE holds a lock that a concurrent ANALYZE waits for until this
 * transaction ends, so it only waits a moment for that lock, and a transaction that did not get it tries again
 * later.
 */
final class FreshStatistics {
    static final int FIRST_AFTER = 5_000;
    static final int RETRY_EVERY = 50_000;
    private static final String LOCK_WAIT = "50ms";

    private final Map<Handle, Progress> inserted = new ConcurrentHashMap<>();
    private volatile Boolean postgres;

    private static final class Progress {
        long rows;
        long nextAnalyzeAt = FIRST_AFTER;
        boolean done;
    }

    /** Counts rows inserted into {@code products} on this handle and analyzes once their number calls for it. */
    void inserted(Handle handle, int rows) {
        if (!isPostgres(handle)) {
            return;
        }
        Progress progress = inserted.computeIfAbsent(handle, h -> {
            h.addCleanable(() -> inserted.remove(h));
            return new Progress();
        });
        progress.rows += rows;
        if (progress.done || progress.rows < progress.nextAnalyzeAt) {
            return;
        }
        if (progress.nextAnalyzeAt == FIRST_AFTER) {
            // A generic plan cached while the table looked small would be kept however much it grows; custom plans
            // are made for its current size. Planning a page's lookups costs well under a millisecond.
            handle.createQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
                    .mapTo(String.class).one();
        }
        progress.done = analyze(handle);
        progress.nextAnalyzeAt = progress.rows + RETRY_EVERY;
    }

    private boolean isPostgres(Handle handle) {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = handle.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
            postgres = known;
        }
        return known;
    }

    /** Whether the tables an import writes were analyzed; false when another transaction held the lock. */
    static boolean analyze(Handle handle) {
        String lockTimeout = handle.createQuery("SELECT current_setting('lock_timeout')").mapTo(String.class).one();
        handle.execute("SAVEPOINT fresh_statistics");
        boolean analyzed;
        try {
            handle.createQuery("SELECT set_config('lock_timeout', :wait, true)").bind("wait", LOCK_WAIT)
                    .mapTo(String.class).one();
            handle.execute("ANALYZE products, product_tags, memberships");
            handle.execute("RELEASE SAVEPOINT fresh_statistics");
            analyzed = true;
        } catch (RuntimeException failure) {
            if (!isLockTimeout(failure)) {
                throw failure;
            }
            // Only this savepoint's work is undone; the import goes on with the plans it had.
            handle.execute("ROLLBACK TO SAVEPOINT fresh_statistics");
            handle.execute("RELEASE SAVEPOINT fresh_statistics");
            analyzed = false;
        }
        handle.createQuery("SELECT set_config('lock_timeout', :previous, true)").bind("previous", lockTimeout)
                .mapTo(String.class).one();
        return analyzed;
    }

    private static boolean isLockTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
