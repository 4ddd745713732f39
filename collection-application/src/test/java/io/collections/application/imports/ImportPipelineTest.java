package io.collections.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.application.Caller;
import io.collections.application.Role;
import io.collections.application.memory.InMemoryAdapters;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.ClientId;
import io.collections.domain.ConflictException;
import io.collections.domain.PageRequest;
import io.collections.domain.UserId;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.ShopifyAccount;
import io.collections.domain.collection.CollectionFilter;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The import's bulk paths: the fetch thread ahead of the writer, the skipped rule refresh, throttled progress. */
class ImportPipelineTest {
    private final InMemoryAdapters adapters = InMemoryAdapters.create();
    private final ImportCatalogTest.MutableClock clock =
            new ImportCatalogTest.MutableClock(Instant.parse("2024-01-07T12:30:00Z"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final Caller editor = Caller.of("acme", "alice", Role.DATA_EDITOR);
    private final ShopifyAccount shop = new ShopifyAccount("acme.myshopify.com", "shpat_secret_token");

    @AfterEach
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    private ImportCatalog importer(CatalogSource source, ProductCatalog catalog, Duration progressInterval) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ImportCatalog(adapters.transactions(), adapters.collections(), catalog, adapters.imports(),
                Map.of(source.provider(), source), new AesGcmCredentialSealer(key), adapters.ids(), clock, heartbeats,
                new ImportSettings(1, 2, Duration.ofSeconds(30), Duration.ofSeconds(5), "a", progressInterval));
    }

    private static FakeCatalogSource threePages() {
        return new FakeCatalogSource(Provider.SHOPIFY, List.of(List.of("1", "2"), List.of("3", "bad-4"), List.of("5")));
    }

    @Test
    void aRuleCollectionOfTheClientStillReceivesTheImportedProductsThatMatchIt() {
        ProductCollection gadgets = ProductCollection.create(adapters.ids().nextCollectionId(), editor.clientId(),
                "Gadgets", CollectionStatus.ENABLED, null,
                new RuleSet(List.of(InclusionRule.of("product_type", null, "gadget")), true), null,
                new UserId("alice"), clock.instant());
        adapters.transactions().inTransaction(() -> {
            adapters.collections().insert(gadgets);
            adapters.collections().refreshRuleMatches(gadgets);
            return null;
        });

        importer(threePages(), adapters.catalog(), Duration.ofSeconds(1))
                .execute(editor, new ImportCatalog.Command(shop, "Imported", null));

        assertThat(adapters.collections().find(editor.clientId(), gadgets.id()).orElseThrow().productCount())
                .isEqualTo(4);
        assertThat(imported(editor.clientId()).productCount()).isEqualTo(4);
    }

    @Test
    void theJobRowShowsProgressWhileTheImportRuns() {
        AtomicReference<ImportJob> seen = new AtomicReference<>();
        AtomicReference<Long> jobId = new AtomicReference<>();
        CatalogSource waitsForProgress = source((account, pages) -> {
            FetchSummary summary = threePages().fetch(account, page -> {
                pages.accept(page);
                if (seen.get() == null) {
                    // Fetched ahead on a thread of its own, so it can watch the first page being written.
                    seen.set(awaitJob(jobId.get(), job -> job.processed() > 0));
                }
            });
            return summary;
        });
        ImportCatalog importer = importer(waitsForProgress, adapters.catalog(), Duration.ofHours(1));
        jobId.set(importer.submit(editor, new ImportCatalog.Command(shop, null, null)).id());

        assertThat(importer.runNextBackgroundJob()).isTrue();

        assertThat(seen.get().processed()).as("written on the first page").isEqualTo(2);
        assertThat(seen.get().status()).isEqualTo(ImportStatus.RUNNING);
        ImportJob done = adapters.imports().find(editor.clientId(), jobId.get()).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(done.processed()).isEqualTo(5);
    }

    @Test
    void everyPageIsWrittenWhenTheIntervalIsZero() {
        List<Long> processedAfterEachPage = new ArrayList<>();
        AtomicReference<Long> jobId = new AtomicReference<>();
        AtomicInteger pagesRead = new AtomicInteger();
        CatalogSource watched = source((account, pages) -> threePages().fetch(account, page -> {
            pages.accept(page);
            long expected = pagesRead.incrementAndGet() == 1 ? 2 : pagesRead.get() == 2 ? 4 : 5;
            processedAfterEachPage.add(awaitJob(jobId.get(), job -> job.processed() == expected).processed());
        }));
        ImportCatalog importer = importer(watched, adapters.catalog(), Duration.ZERO);
        jobId.set(importer.submit(editor, new ImportCatalog.Command(shop, null, null)).id());

        assertThat(importer.runNextBackgroundJob()).isTrue();

        assertThat(processedAfterEachPage).containsExactly(2L, 4L, 5L);
    }

    @Test
    void aFetchFailureOnTheFetchThreadFailsTheImportWithItsReasonAndLeavesNothing() {
        AtomicReference<String> fetchThread = new AtomicReference<>();
        CatalogSource failing = source((account, pages) -> {
            fetchThread.set(Thread.currentThread().getName());
            return threePages().failingAfter(2).fetch(account, pages);
        });
        ImportCatalog importer = importer(failing, adapters.catalog(), Duration.ofSeconds(1));
        ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));

        assertThat(importer.runNextBackgroundJob()).isTrue();

        assertThat(fetchThread.get()).isNotEqualTo(Thread.currentThread().getName()).startsWith("import-fetch-");
        ImportJob failed = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).isEqualTo("shopify: kept failing after 6 attempts");
        assertThat(failed.processed()).as("the two pages written before").isEqualTo(4);
        assertThat(products()).isEmpty();
        assertThat(adapters.collections().list(editor.clientId(), CollectionFilter.ALL, PageRequest.first(10))
                .items()).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> importer(failing, adapters.catalog(), Duration.ZERO)
                .execute(editor, new ImportCatalog.Command(shop, null, null)))
                .isInstanceOf(CatalogFetchException.class).hasMessageContaining("kept failing");
    }

    @Test
    void aWriteFailureStopsTheFetchAndLeavesNothing() {
        List<List<String>> manyPages = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            manyPages.add(List.of("p" + page));
        }
        AtomicInteger fetched = new AtomicInteger();
        AtomicReference<Thread> fetchThread = new AtomicReference<>();
        CatalogSource endless = source((account, pages) -> {
            fetchThread.set(Thread.currentThread());
            return new FakeCatalogSource(Provider.SHOPIFY, manyPages).fetch(account, page -> {
                fetched.incrementAndGet();
                pages.accept(page);
            });
        });
        AtomicInteger inserts = new AtomicInteger();
        ProductCatalog breaksOnThirdPage = (ProductCatalog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ProductCatalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertAll") && inserts.incrementAndGet() == 3) {
                        throw new IllegalStateException("the database went away");
                    }
                    try {
                        return method.invoke(adapters.catalog(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        assertThatThrownBy(() -> importer(endless, breaksOnThirdPage, Duration.ofSeconds(1))
                .execute(editor, new ImportCatalog.Command(shop, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the database went away");

        awaitTrue(() -> fetchThread.get().isAlive() ? 0 : 1);
        assertThat(fetched.get()).as("the fetch stopped a few pages ahead").isLessThan(10);
        assertThat(products()).isEmpty();
        assertThat(adapters.collections().list(editor.clientId(), CollectionFilter.ALL, PageRequest.first(10))
                .items()).isEmpty();
    }

    @Test
    void aBackgroundImportThatAConflictRolledBackRunsAgainAfterAPause() {
        ImportCatalog importer = importer(new FakeCatalogSource(Provider.SHOPIFY, List.of(List.of("1", "2"),
                List.of("3"))), conflictOnFirstInsert(), Duration.ofSeconds(1));
        ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));

        assertThat(importer.runNextBackgroundJob()).isTrue();

        ImportJob waiting = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(waiting.processed()).isZero();
        assertThat(waiting.error()).isNull();
        assertThat(products()).as("rolled back").isEmpty();
        assertThat(importer.runNextBackgroundJob()).as("claimable only after the pause").isFalse();

        clock.advance(ImportCatalog.CONFLICT_PAUSE.plusSeconds(1));
        assertThat(importer.runNextBackgroundJob()).isTrue();

        ImportJob done = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(done.processed()).isEqualTo(3);
        assertThat(products()).hasSize(3);
        assertThat(adapters.collections().list(editor.clientId(), CollectionFilter.ALL, PageRequest.first(10))
                .items()).hasSize(1);
    }

    @Test
    void aConflictFailsABackgroundImportSubmittedLongerAgoThanTheRetryWindow() {
        ImportCatalog importer = importer(new FakeCatalogSource(Provider.SHOPIFY, List.of(List.of("1"))),
                conflictOnFirstInsert(), Duration.ofSeconds(1));
        ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));
        clock.advance(ImportCatalog.CONFLICT_RETRY_WINDOW.plusSeconds(1));

        assertThat(importer.runNextBackgroundJob()).isTrue();

        ImportJob failed = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).contains("another request is changing the same");
        assertThat(products()).isEmpty();
    }

    /** The catalog, but the first product write loses a lock conflict, as a deadlock or a lock timeout does. */
    private ProductCatalog conflictOnFirstInsert() {
        AtomicInteger inserts = new AtomicInteger();
        return (ProductCatalog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ProductCatalog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertAll") && inserts.incrementAndGet() == 1) {
                        throw new ConflictException("another request is changing the same collections or products"
                                + " at this moment; try again", List.of());
                    }
                    try {
                        return method.invoke(adapters.catalog(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private interface Fetch {
        FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages);
    }

    private static CatalogSource source(Fetch fetch) {
        return new CatalogSource() {
            @Override
            public Provider provider() {
                return Provider.SHOPIFY;
            }

            @Override
            public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
                return fetch.fetch(account, pages);
            }
        };
    }

    private ImportJob awaitJob(long id, java.util.function.Predicate<ImportJob> condition) {
        AtomicReference<ImportJob> job = new AtomicReference<>();
        awaitTrue(() -> {
            job.set(adapters.imports().find(editor.clientId(), id).orElseThrow());
            return condition.test(job.get()) ? 1 : 0;
        });
        return job.get();
    }

    /** Polls for up to ten seconds; the condition depends on the other thread, not on time. */
    private static void awaitTrue(LongSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (condition.getAsLong() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold within ten seconds");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private ProductCollection imported(ClientId clientId) {
        return adapters.collections().list(clientId, CollectionFilter.ALL, PageRequest.first(10)).items().stream()
                .filter(c -> c.name().equals("Imported")).findFirst().orElseThrow();
    }

    private List<Product> products() {
        return adapters.catalog().list(editor.clientId(), PageRequest.first(1000)).items();
    }
}
