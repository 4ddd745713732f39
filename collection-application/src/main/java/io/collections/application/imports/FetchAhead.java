package io.collections.application.imports;

import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.product.ProductDetails;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Fetches a catalog on a thread of its own, a few pages ahead of the caller, who writes each page: parsing the
 * provider's pages and writing them then share the two cores instead of taking turns. The pages are handed to
 * {@code writer} on the calling thread, which holds the transaction (its handle is bound to that thread). A fetch
 * failure is thrown on the calling thread as it was thrown; a write failure stops the fetch.
 */
final class FetchAhead {
    /** Enough to cover a slow page on either side; a page is a few hundred products, so memory stays bounded. */
    private static final int PAGES_AHEAD = 2;
    private static final long OFFER_POLL_MILLIS = 100;

    private FetchAhead() {
    }

    private sealed interface Item permits Page, Done, Failed {
    }

    private record Page(CatalogPage page) implements Item {
    }

    private record Done(FetchSummary summary) implements Item {
    }

    private record Failed(Throwable failure) implements Item {
    }

    /** The caller stopped reading; unwinds the provider's fetch loop. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the import stopped reading pages", null, false, false);
        }
    }

    /**
     * Fetches every page and hands each to {@code writer} on this thread; {@code idle} runs on this thread whenever
     * the next page is not there yet, before waiting for it.
     */
    static FetchSummary fetch(CatalogSource source, ProviderAccount account, String threadName,
            Consumer<CatalogPage> writer, Runnable idle) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(PAGES_AHEAD);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread fetcher = new Thread(() -> {
            Item last;
            try {
                last = new Done(source.fetch(account, page -> {
                    // The folded text that storing and rule matching need, computed on this thread's core; the
                    // queue hands it over safely.
                    page.products().forEach(ProductDetails::folded);
                    hand(queue, new Page(page), stopped);
                }));
            } catch (Throwable failure) {
                if (stopped.get()) {
                    return;
                }
                last = new Failed(failure);
            }
            try {
                hand(queue, last, stopped);
            } catch (Stopped ignored) {
                // Nobody reads any more.
            }
        }, threadName);
        fetcher.setDaemon(true);
        fetcher.start();
        boolean finished = false;
        try {
            while (true) {
                Item item = queue.poll();
                if (item == null) {
                    idle.run();
                    item = queue.take();
                }
                if (item instanceof Page page) {
                    writer.accept(page.page());
                } else if (item instanceof Done done) {
                    finished = true;
                    return done.summary();
                } else {
                    finished = true;
                    throw rethrow(((Failed) item).failure());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the provider's next page", e);
        } finally {
            if (!finished) {
                stopped.set(true);
                fetcher.interrupt();
            }
        }
    }

    private static void hand(BlockingQueue<Item> queue, Item item, AtomicBoolean stopped) {
        try {
            while (!queue.offer(item, OFFER_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        if (stopped.get()) {
            throw new Stopped();
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("the catalog fetch failed", failure);
    }
}
