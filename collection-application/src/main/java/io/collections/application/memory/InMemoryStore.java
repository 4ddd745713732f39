package io.collections.application.memory;

import io.collections.application.Transactions;
import io.collections.domain.CollectionId;
import io.collections.domain.ProductId;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state behind the in-memory adapters, and their transactions: one lock serializes transactions, and every
 * write inside one records how to undo itself, so a failed transaction leaves nothing behind.
 */
public final class InMemoryStore implements Transactions {
    final Map<CollectionId, ProductCollection> collections = new LinkedHashMap<>();
    final Map<ProductId, Product> products = new LinkedHashMap<>();
    final Map<CollectionId, Map<ProductId, Membership>> memberships = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Runnable> undoLog = new ArrayDeque<>();
    private long nextPosition = 1;

    /** A product's standing with a collection and the position it joined at. */
    record Membership(io.collections.domain.collection.MemberState state, long position) {
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            undoLog.clear();
            try {
                T result = work.get();
                undoLog.clear();
                return result;
            } catch (RuntimeException | Error failure) {
                while (!undoLog.isEmpty()) {
                    undoLog.pop().run();
                }
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    long nextPosition() {
        return nextPosition++;
    }

    <K, V> void put(Map<K, V> map, K key, V value) {
        boolean existed = map.containsKey(key);
        V previous = map.put(key, value);
        undo(() -> {
            if (existed) {
                map.put(key, previous);
            } else {
                map.remove(key);
            }
        });
    }

    <K, V> void remove(Map<K, V> map, K key) {
        if (!map.containsKey(key)) {
            return;
        }
        V previous = map.remove(key);
        undo(() -> map.put(key, previous));
    }

    private void undo(Runnable action) {
        if (lock.isHeldByCurrentThread()) {
            undoLog.push(action);
        }
    }
}
