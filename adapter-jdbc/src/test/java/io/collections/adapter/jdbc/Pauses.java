package io.collections.adapter.jdbc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Pauses inside the transactions of lock tests, which cannot throw checked exceptions. */
final class Pauses {
    private Pauses() {
    }

    /** Waits for the latch, at most 30 s, so a broken test ends instead of hanging. */
    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
