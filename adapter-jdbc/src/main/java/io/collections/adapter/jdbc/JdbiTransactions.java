package io.collections.adapter.jdbc;

import io.collections.application.Transactions;
import io.collections.domain.ConflictException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Transactions on one thread-bound JDBI handle at READ COMMITTED: nested calls join the outer transaction, and the
 * repositories run on the current handle (or on a short transaction of their own when there is none).
 */
public final class JdbiTransactions implements Transactions {
    /** H2's lock timeout; deadlock or serialization failure (both); PostgreSQL's deadlock and lock timeout. */
    private static final Set<String> LOCK_LOST = Set.of("HYT00", "40001", "40P01", "55P03");

    private final Jdbi jdbi;
    private final Jdbi apart;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final ThreadLocal<Map<Object, Object>> attributes = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> beforeCommit = new ThreadLocal<>();

    /** With work done apart on pooled connections too: for tests that need no more than one transaction at once. */
    JdbiTransactions(Jdbi jdbi) {
        this(jdbi, jdbi);
    }

    /**
     * With {@code apart}, the connections {@link #committedApart} uses: outside the pool, so that work done apart
     * never waits for a pooled connection that the transactions waiting for it hold.
     */
    JdbiTransactions(Jdbi jdbi, Jdbi apart) {
        this.jdbi = jdbi;
        this.apart = apart;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return withHandle(handle -> work.get());
    }

    /** Runs the work on the current transaction's handle, or in a new transaction when there is none. */
    <T> T withHandle(Function<Handle, T> work) {
        Handle joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        try (Handle handle = jdbi.open()) {
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.READ_COMMITTED);
            handle.begin();
            current.set(handle);
            attributes.set(new HashMap<>());
            beforeCommit.set(new ArrayList<>());
            try {
                T result = work.apply(handle);
                for (Runnable hook : beforeCommit.get()) {
                    hook.run();
                }
                handle.commit();
                return result;
            } catch (RuntimeException failure) {
                rollback(handle, failure);
                throw asConflictIfLockLost(failure);
            } catch (Error failure) {
                rollback(handle, failure);
                throw failure;
            } finally {
                current.remove();
                attributes.remove();
                beforeCommit.remove();
            }
        }
    }

    /** Runs the work in a transaction of its own on another connection; it has committed when this returns. */
    void committedApart(Consumer<Handle> work) {
        try (Handle handle = apart.open()) {
            handle.useTransaction(work::accept);
        }
    }

    /**
     * State that lives as long as the current transaction, made on first use; the caller must be inside
     * {@link #withHandle}.
     */
    @SuppressWarnings("unchecked")
    <T> T transactionState(Object key, Supplier<T> initial) {
        return (T) attributes.get().computeIfAbsent(key, k -> initial.get());
    }

    /** The current transaction's state under this key, or null when nothing made it yet. */
    @SuppressWarnings("unchecked")
    <T> T transactionStateIfPresent(Object key) {
        return (T) attributes.get().get(key);
    }

    /** Runs the work on the current transaction's handle right before it commits (not if it rolls back). */
    void beforeCommit(Runnable work) {
        beforeCommit.get().add(work);
    }

    /**
     * A lock wait that timed out, or a deadlock the database broke, is another request writing the same rows at the
     * same time, not a fault: the caller gets a 409 to try again, and nothing was written.
     */
    private static RuntimeException asConflictIfLockLost(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_LOST.contains(sql.getSQLState())) {
                ConflictException conflict = new ConflictException("another request is changing the same"
                        + " collections or products at this moment; try again", List.of());
                conflict.addSuppressed(failure);
                return conflict;
            }
        }
        return failure;
    }

    private static void rollback(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            // The original failure is what the caller needs; the rollback failure travels along with it.
            failure.addSuppressed(rollbackFailure);
        }
    }
}
