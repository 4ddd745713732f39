package io.collections.adapter.jdbc;

import io.collections.application.Transactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final ThreadLocal<Map<Object, Object>> attributes = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> beforeCommit = new ThreadLocal<>();

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
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
            } catch (RuntimeException | Error failure) {
                rollback(handle, failure);
                throw failure;
            } finally {
                current.remove();
                attributes.remove();
                beforeCommit.remove();
            }
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

    private static void rollback(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            // The original failure is what the caller needs; the rollback failure travels along with it.
            failure.addSuppressed(rollbackFailure);
        }
    }
}
