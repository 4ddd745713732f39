package io.collections.bootstrap;

import io.collections.domain.CatalogFetchException;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A provider's catalog for end-to-end tests of the wiring: {@code pages} pages of {@code perPage} products, every
 * tenth one invalid. A test can hold it before a page (to look at the database mid-import, or to crash the
 * instance running it), or make it fail with a reason.
 */
final class ScriptedShop implements CatalogSource {
    private final Provider provider;
    private final int pages;
    private final int perPage;
    private volatile IntConsumer beforePage = page -> { };

    ScriptedShop(Provider provider, int pages, int perPage) {
        this.provider = provider;
        this.pages = pages;
        this.perPage = perPage;
    }

    long valid() {
        return (long) pages * perPage - skipped();
    }

    long skipped() {
        return (long) pages * (perPage / 10);
    }

    /** Runs {@code hook} before each page is served, with the page's number (from 0). */
    ScriptedShop beforePage(IntConsumer hook) {
        this.beforePage = hook;
        return this;
    }

    /** Holds every fetch before {@code page} until {@link Hold#release()}; {@link Hold#reached} says when one got there. */
    Hold holdBefore(int page) {
        Hold hold = new Hold();
        beforePage(number -> {
            if (number == page) {
                hold.reached.countDown();
                hold.await();
            }
        });
        return hold;
    }

    ScriptedShop failingBefore(int page, CatalogFetchException.Reason reason) {
        return beforePage(number -> {
            if (number == page) {
                throw new CatalogFetchException(provider.pathName(), reason, "gave up after 5 attempts (test)");
            }
        });
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> consumer) {
        for (int page = 0; page < pages; page++) {
            beforePage.accept(page);
            List<ProductDetails> products = new ArrayList<>();
            List<SkippedProduct> skips = new ArrayList<>();
            for (int item = 0; item < perPage; item++) {
                String externalId = (page * perPage + item + 1) + "";
                if (item % 10 == 9) {
                    skips.add(new SkippedProduct(externalId, "missing name"));
                    continue;
                }
                products.add(ProductDetails.builder().name("Product " + externalId).productType("Gadget")
                        .price(new BigDecimal("19.90")).currency("EUR").tags(List.of("imported"))
                        .imageUrls(List.of("https://cdn.example/" + externalId + ".jpg"))
                        .source(new ProductSource(provider.pathName(), account.account(), externalId)).build());
            }
            consumer.accept(new CatalogPage(products, skips));
        }
        return new FetchSummary(valid() + skipped(), skipped(), Map.of("missing name", skipped()), 0, pages, 0,
                Duration.ZERO);
    }

    /** The death of the instance running an import, as far as one JVM can play it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("the instance running this import died (simulated)", null, false, false);
        }
    }

    /** A point where fetches wait for the test. */
    static final class Hold {
        final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean crash;

        void release() {
            released.countDown();
        }

        /**
         * Lets the waiting fetch die as its instance would: an Error unwinds the import (its transaction rolls
         * back) without the use case recording anything on the job, which keeps its lease until it lapses.
         */
        void crash() {
            crash = true;
            released.countDown();
        }

        void awaitReached() throws InterruptedException {
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("no fetch reached the hold within 30 s");
            }
        }

        private void await() {
            try {
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the hold");
                }
                if (crash) {
                    throw new SimulatedCrash();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
