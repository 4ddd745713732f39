package io.collections.application;

import java.util.function.Supplier;

/**
 * Runs work as one transaction: every write inside happens, or none does. Nested calls join the outer
 * transaction.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
