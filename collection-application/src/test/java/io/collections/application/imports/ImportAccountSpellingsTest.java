package io.collections.application.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.application.Caller;
import io.collections.application.Role;
import io.collections.application.Transactions;
import io.collections.application.memory.InMemoryAdapters;
import io.collections.domain.PageRequest;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.ShopifyAccount;
import io.collections.domain.catalog.WooCommerceAccount;
import io.collections.domain.product.Product;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One shop or store written in several ways is one account: importing it again updates (decision 0112). */
class ImportAccountSpellingsTest {
    private final InMemoryAdapters adapters = InMemoryAdapters.create();
    private final ImportCatalogTest.MutableClock clock =
            new ImportCatalogTest.MutableClock(Instant.parse("2024-01-07T12:30:00Z"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final Caller editor = Caller.of("acme", "alice", Role.DATA_EDITOR);

    @AfterEach
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    private ImportCatalog importer(CatalogSource source, Transactions transactions) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ImportCatalog(transactions, adapters.collections(), adapters.catalog(), adapters.imports(),
                Map.of(source.provider(), source), new AesGcmCredentialSealer(key), adapters.ids(), clock, heartbeats,
                new ImportSettings(1, 2, Duration.ofSeconds(30), Duration.ofSeconds(5), "a"));
    }

    private static FakeCatalogSource twoPages(Provider provider) {
        return new FakeCatalogSource(provider, List.of(List.of("1", "2"), List.of("3", "bad-4", "5")));
    }

    private ImportResult importOnce(ImportCatalog importer, ProviderAccount account) {
        ImportResult result = importer.execute(editor, new ImportCatalog.Command(account, null, null));
        clock.advance(Duration.ofSeconds(2));
        return result;
    }

    @Test
    void everySpellingOfAShopifyShopUpdatesTheSameProducts() {
        ImportCatalog importer = importer(twoPages(Provider.SHOPIFY), adapters.transactions());
        importOnce(importer, new ShopifyAccount("acme", "shpat_token"));
        List<Long> firstIds = products().stream().map(p -> p.id().value()).toList();

        for (String shop : List.of("acme.myshopify.com", "https://acme.myshopify.com", "ACME.myshopify.com",
                " https://Acme.MyShopify.com:443/ ")) {
            ImportResult again = importOnce(importer, new ShopifyAccount(shop, "shpat_token"));
            assertThat(again.collection().productCount()).as(shop).isEqualTo(4);
        }

        assertThat(products()).as("updated, never duplicated").hasSize(4)
                .allSatisfy(p -> assertThat(p.details().source().account()).isEqualTo("acme.myshopify.com"));
        assertThat(products().stream().map(p -> p.id().value()).toList()).isEqualTo(firstIds);
    }

    @Test
    void aShopOnALocalPortIsOneAccountWithOrWithoutATrailingSlash() {
        ImportCatalog importer = importer(twoPages(Provider.SHOPIFY), adapters.transactions());
        importOnce(importer, new ShopifyAccount("http://127.0.0.1:18390", "shpat_token"));
        importOnce(importer, new ShopifyAccount("http://127.0.0.1:18390/", "shpat_token"));

        assertThat(products()).hasSize(4)
                .allSatisfy(p -> assertThat(p.details().source().account()).isEqualTo("127.0.0.1:18390"));

        importOnce(importer, new ShopifyAccount("http://127.0.0.1:18391", "shpat_token"));
        assertThat(products()).as("another port is another shop").hasSize(8);
    }

    @Test
    void everySpellingOfAWooCommerceStoreUpdatesTheSameProductsButThePathKeepsItsCase() {
        ImportCatalog importer = importer(twoPages(Provider.WOOCOMMERCE), adapters.transactions());
        for (String store : List.of("http://shop.example/good/", "http://shop.example/good",
                "HTTP://Shop.Example:80/good//")) {
            importOnce(importer, new WooCommerceAccount(store, "ck_key", "cs_secret"));
        }
        assertThat(products()).hasSize(4)
                .allSatisfy(p -> assertThat(p.details().source().account()).isEqualTo("http://shop.example/good"));

        importOnce(importer, new WooCommerceAccount("http://shop.example/Good", "ck_key", "cs_secret"));
        importOnce(importer, new WooCommerceAccount("https://shop.example/good", "ck_key", "cs_secret"));
        assertThat(products()).as("another path or scheme is another store").hasSize(12);
    }

    @Test
    void importsOfOneShopWrittenInTwoWaysRunOneAfterTheOther() throws Exception {
        CountDownLatch firstFetching = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger fetching = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        FakeCatalogSource catalog = twoPages(Provider.SHOPIFY);
        CatalogSource gated = new CatalogSource() {
            private final AtomicInteger calls = new AtomicInteger();

            @Override
            public Provider provider() {
                return Provider.SHOPIFY;
            }

            @Override
            public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
                mostAtOnce.accumulateAndGet(fetching.incrementAndGet(), Math::max);
                try {
                    if (calls.incrementAndGet() == 1) {
                        firstFetching.countDown();
                        await(releaseFirst);
                    }
                    return catalog.fetch(account, pages);
                } finally {
                    fetching.decrementAndGet();
                }
            }
        };
        // Transactions that do not serialize, as on a database: only the import's own lock may order the two.
        Transactions concurrent = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        ImportCatalog importer = importer(gated, concurrent);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<ImportResult> first = threads.submit(
                    () -> importer.execute(editor, new ImportCatalog.Command(new ShopifyAccount("acme", "t"), null, null)));
            assertThat(firstFetching.await(10, TimeUnit.SECONDS)).isTrue();
            clock.advance(Duration.ofSeconds(2));
            Future<ImportResult> second = threads.submit(() -> importer.execute(editor,
                    new ImportCatalog.Command(new ShopifyAccount("https://ACME.myshopify.com/", "t"), null, null)));
            Thread.sleep(300);
            assertThat(second.isDone()).as("the second waits for the first").isFalse();
            releaseFirst.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).collection().productCount()).isEqualTo(4);
            assertThat(second.get(10, TimeUnit.SECONDS).collection().productCount()).isEqualTo(4);
        } finally {
            releaseFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(mostAtOnce.get()).as("never two fetches of one account at once").isEqualTo(1);
        assertThat(products()).hasSize(4);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Product> products() {
        return adapters.catalog().list(editor.clientId(), PageRequest.first(1000)).items();
    }
}
