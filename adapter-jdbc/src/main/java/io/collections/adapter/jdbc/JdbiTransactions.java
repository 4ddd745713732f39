package io.collections.adapter.jdbc;

import io.collections.application.Transactions;
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
            try {
                T result = work.apply(handle);
                handle.commit();
                return result;
            } catch (RuntimeException | Error failure) {
                rollback(handle, failure);
                throw failure;
            } finally {
                current.remove();
            }
        }
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
