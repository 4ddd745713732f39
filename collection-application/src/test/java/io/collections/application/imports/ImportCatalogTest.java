package io.collections.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.application.AccessDeniedException;
import io.collections.application.Caller;
import io.collections.application.Role;
import io.collections.application.memory.InMemoryAdapters;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.PageRequest;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ShopifyAccount;
import io.collections.domain.collection.CollectionFilter;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.product.Product;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportCatalogTest {
    private final InMemoryAdapters adapters = InMemoryAdapters.create();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-07T12:30:00Z"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final Caller editor = Caller.of("acme", "alice", Role.DATA_EDITOR);
    private final ShopifyAccount shop = new ShopifyAccount("acme.myshopify.com", "shpat_secret_token");
    private final CredentialSealer sealer = new AesGcmCredentialSealer(randomKey());

    @AfterEach
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    private ImportCatalog importer(CatalogSource source, String instance) {
        return new ImportCatalog(adapters.transactions(), adapters.collections(), adapters.catalog(),
                adapters.imports(), Map.of(source.provider(), source), sealer, adapters.ids(), clock, heartbeats,
                new ImportSettings(1, 2, Duration.ofSeconds(30), Duration.ofSeconds(5), instance));
    }

    private static FakeCatalogSource threePages() {
        return new FakeCatalogSource(Provider.SHOPIFY, List.of(List.of("1", "2"), List.of("3", "bad-4"), List.of("5")));
    }

    @Test
    void importsEveryValidProductIntoANewDatedCollection() {
        ImportResult result = importer(threePages(), "a").execute(editor, new ImportCatalog.Command(shop, null, null));

        assertThat(result.collection().name()).isEqualTo("shopify_collection_2024-01-07");
        assertThat(result.collection().productCount()).isEqualTo(4);
        assertThat(result.collection().status()).isEqualTo(CollectionStatus.DRAFT);
        assertThat(result.imageCount()).as("4 own images and one shared").isEqualTo(5);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.fetched()).isEqualTo(5);
        assertThat(products()).extracting(p -> p.details().source().externalId())
                .containsExactlyInAnyOrder("1", "2", "3", "5");
    }

    @Test
    void importingAgainUpdatesTheCatalogAndNamesTheCollectionWithASuffix() {
        importer(threePages(), "a").execute(editor, new ImportCatalog.Command(shop, null, null));
        clock.advance(Duration.ofSeconds(2));

        ImportResult second = importer(threePages().renaming(" v2"), "a")
                .execute(editor, new ImportCatalog.Command(shop, null, CollectionStatus.ENABLED));
        clock.advance(Duration.ofSeconds(2));
        ImportResult third = importer(threePages(), "a").execute(editor, new ImportCatalog.Command(shop, null, null));

        assertThat(second.collection().name()).isEqualTo("shopify_collection_2024-01-07_2");
        assertThat(second.collection().status()).isEqualTo(CollectionStatus.ENABLED);
        assertThat(third.collection().name()).isEqualTo("shopify_collection_2024-01-07_3");
        assertThat(products()).hasSize(4);
        assertThat(second.collection().productCount()).isEqualTo(4);
    }

    @Test
    void aFailedImportLeavesNoCollectionAndNoProducts() {
        ImportCatalog failing = importer(threePages().failingAfter(2), "a");

        assertThatThrownBy(() -> failing.execute(editor, new ImportCatalog.Command(shop, "Mine", null)))
                .isInstanceOf(CatalogFetchException.class);

        assertThat(adapters.collections().list(editor.clientId(), CollectionFilter.ALL, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(products()).isEmpty();
        assertThat(adapters.imports().find(editor.clientId(), 1).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
        assertThat(adapters.imports().countActive(editor.clientId(), clock.instant())).isZero();
    }

    @Test
    void aClientMaySendOneRequestPerSecond() {
        ImportCatalog importer = importer(threePages(), "a");
        importer.execute(editor, new ImportCatalog.Command(shop, null, null));

        assertThatThrownBy(() -> importer.execute(editor, new ImportCatalog.Command(shop, null, null)))
                .isInstanceOfSatisfying(ImportLimitException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
        importer.execute(Caller.of("globex", "gina", Role.OWNER), new ImportCatalog.Command(shop, null, null));

        clock.advance(Duration.ofMillis(1001));
        importer.execute(editor, new ImportCatalog.Command(shop, null, null));
    }

    @Test
    void aClientMayHaveOnlySoManyImportsProcessing() {
        ImportCatalog importer = importer(threePages(), "a");
        importer.submit(editor, new ImportCatalog.Command(shop, null, null));
        clock.advance(Duration.ofSeconds(1));
        adapters.imports().createIfBelowLimit(new ImportJob(0, editor.clientId(), editor.userId(), Provider.SHOPIFY,
                null, null, false, ImportStatus.RUNNING, 0, 0, null, null, null, "other-instance",
                clock.instant().plusSeconds(30), clock.instant(), clock.instant()), 10);
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> importer.execute(editor, new ImportCatalog.Command(shop, null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("at most 2").hasMessageContaining("2 are");
        clock.advance(Duration.ofSeconds(30));
        assertThat(importer.execute(editor, new ImportCatalog.Command(shop, null, null)).collection().productCount())
                .as("a synchronous import whose instance stopped renewing its lease no longer counts").isEqualTo(4);
    }

    @Test
    void viewersCannotImport() {
        assertThatThrownBy(() -> importer(threePages(), "a").execute(Caller.of("acme", "v", Role.VIEWER),
                new ImportCatalog.Command(shop, null, null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void noImportSharesAnIdWithACollectionOrAProduct() {
        ImportCatalog importer = importer(threePages(), "a");
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (int round = 0; round < 2; round++) {
            ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));
            assertThat(importer.runNextBackgroundJob()).isTrue();
            ImportJob done = importer.find(editor, queued.id()).orElseThrow();
            assertThat(ids.add(done.id())).as("job " + done.id()).isTrue();
            assertThat(ids.add(done.collectionId().value())).as("collection " + done.collectionId()).isTrue();
            clock.advance(Duration.ofSeconds(2));
        }
        for (Product product : products()) {
            assertThat(ids.add(product.id().value())).as("product " + product.id()).isTrue();
        }
    }

    @Test
    void aBackgroundImportRunsOnAWorkerAndErasesItsCredentials() {
        ImportCatalog importer = importer(threePages(), "a");
        ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));

        assertThat(queued.status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(queued.sealedCredentials()).doesNotContain("shpat_secret_token");
        assertThat(importer.runNextBackgroundJob()).isTrue();
        assertThat(importer.runNextBackgroundJob()).isFalse();

        ImportJob done = importer.find(editor, queued.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(done.processed()).isEqualTo(5);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(done.sealedCredentials()).isNull();
        assertThat(adapters.collections().find(editor.clientId(), done.collectionId()).orElseThrow().productCount())
                .isEqualTo(4);
    }

    @Test
    void anAbandonedBackgroundImportIsTakenOverByAnotherInstance() {
        ImportJob queued = importer(threePages(), "a").submit(editor, new ImportCatalog.Command(shop, null, null));
        Instant now = clock.instant();
        adapters.imports().claimNext("dead-instance", now, now.plusSeconds(30));

        assertThat(importer(threePages(), "b").runNextBackgroundJob()).as("lease still held").isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(importer(threePages(), "b").runNextBackgroundJob()).isTrue();

        ImportJob done = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(products()).hasSize(4);
        assertThat(adapters.collections().list(editor.clientId(), CollectionFilter.ALL, PageRequest.first(10)).items())
                .hasSize(1);
    }

    @Test
    void credentialsSealedWithAnotherKeyFailTheJobCleanly() {
        ImportJob queued = importer(threePages(), "a").submit(editor, new ImportCatalog.Command(shop, null, null));
        ImportCatalog otherKey = new ImportCatalog(adapters.transactions(), adapters.collections(), adapters.catalog(),
                adapters.imports(), Map.of(Provider.SHOPIFY, threePages()), new AesGcmCredentialSealer(randomKey()),
                adapters.ids(), clock, heartbeats, ImportSettings.defaults("b"));

        assertThat(otherKey.runNextBackgroundJob()).isTrue();

        ImportJob failed = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).contains("COLLECTIONS_SECRET_KEY");
        assertThat(failed.sealedCredentials()).isNull();
    }

    @Test
    void aWorkerThatStopsGivesItsJobBackUnfailedAndRolledBack() {
        ImportCatalog importer = importer(threePages(), "a");
        ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));
        AtomicInteger pagesSeen = new AtomicInteger();

        assertThat(importer.runNextBackgroundJob(() -> pagesSeen.incrementAndGet() > 2)).isTrue();

        ImportJob givenBack = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(givenBack.status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(givenBack.processed()).isZero();
        assertThat(givenBack.sealedCredentials()).isNotNull();
        assertThat(products()).as("the stopped import's transaction was rolled back").isEmpty();
        assertThat(importer(threePages(), "b").runNextBackgroundJob()).isTrue();
        assertThat(adapters.imports().find(editor.clientId(), queued.id()).orElseThrow().status())
                .isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(products()).hasSize(4);
    }

    @Test
    void anUnexpectedFailureIsRecordedWithoutItsMessageAndReachesTheWorker() {
        CatalogSource broken = new CatalogSource() {
            @Override
            public Provider provider() {
                return Provider.SHOPIFY;
            }

            @Override
            public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
                throw new IllegalStateException("ERROR: relation \"products\" violates constraint; SELECT * FROM x");
            }
        };
        ImportCatalog importer = importer(broken, "a");
        ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));

        assertThatThrownBy(importer::runNextBackgroundJob).isInstanceOf(IllegalStateException.class);

        ImportJob failed = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).doesNotContain("SELECT").contains("submitted again");
    }

    @Test
    void aProviderFailureIsRecordedWithTheProvidersReason() {
        ImportCatalog importer = importer(threePages().failingAfter(1), "a");
        ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));

        assertThat(importer.runNextBackgroundJob()).isTrue();

        ImportJob failed = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).isEqualTo("shopify: kept failing after 6 attempts");
        assertThat(failed.processed()).isEqualTo(2);
    }

    @Test
    void anImportWhoseLeaseLapsedAfterItsLastPageDoesNotCommit() {
        CatalogSource slowToFinish = new CatalogSource() {
            @Override
            public Provider provider() {
                return Provider.SHOPIFY;
            }

            @Override
            public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
                FetchSummary summary = threePages().fetch(account, pages);
                // The last page is in; this instance stalls past its lease and another one claims the job.
                clock.advance(Duration.ofSeconds(31));
                adapters.imports().claimNext("b", clock.instant(), clock.instant().plusSeconds(30));
                return summary;
            }
        };
        ImportCatalog importer = importer(slowToFinish, "a");
        ImportJob queued = importer.submit(editor, new ImportCatalog.Command(shop, null, null));

        assertThatThrownBy(importer::runNextBackgroundJob).hasMessageContaining("taken over");

        assertThat(adapters.collections().list(editor.clientId(), CollectionFilter.ALL, PageRequest.first(10)).items())
                .as("only the instance holding the lease may commit").isEmpty();
        ImportJob job = adapters.imports().find(editor.clientId(), queued.id()).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(job.leaseOwner()).isEqualTo("b");
    }

    private List<Product> products() {
        return adapters.catalog().list(editor.clientId(), PageRequest.first(1000)).items();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
