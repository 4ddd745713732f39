package io.collections.application.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets imports of one source (client, provider, account) on this instance run one after the other: two at once
 * would insert the same products and the second would fail on them (and H2 would make it wait out a lock timeout
 * per row first). Across instances the database's unique index still decides. A lock lives while someone holds or
 * waits for it, so the table stays as small as the imports running.
 */
final class SourceLocks {
    private final Map<String, Entry> locks = new HashMap<>();

    /** Someone's hold on a source, released with {@link Held#close()}. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** What to check while waiting; throwing ends the wait. */
    interface Waiting {
        void stillWanted();
    }

    Held acquire(String source, Waiting waiting) {
        Entry entry;
        synchronized (locks) {
            entry = locks.computeIfAbsent(source, key -> new Entry());
            entry.users++;
        }
        boolean acquired = false;
        try {
            while (!entry.lock.tryLock(200, TimeUnit.MILLISECONDS)) {
                waiting.stillWanted();
            }
            acquired = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another import of the same account");
        } finally {
            if (!acquired) {
                leave(source, entry);
            }
        }
        return () -> {
            entry.lock.unlock();
            leave(source, entry);
        };
    }

    private void leave(String source, Entry entry) {
        synchronized (locks) {
            if (--entry.users == 0) {
                locks.remove(source);
            }
        }
    }

    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock(true);
        private int users;
    }
}
