package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.application.Caller;
import io.collections.application.Role;
import io.collections.application.product.DeleteProduct;
import io.collections.application.product.UpdateProduct;
import io.collections.application.product.UpsertProducts;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An import holds the count rows of its earlier pages when it updates products on later ones. A product deleted or
 * changed meanwhile (alone or in a batch) in a way that moves its memberships takes the same locks in the same order
 * (count rows, then the product), so it waits for the import instead of deadlocking with it, and the import, which
 * may be a long background job, is not the one undone (decisions 0113 and 0122).
 */
class ProductWritesDuringImportTest {
    private static final UserId USER = new UserId("u");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aProductDeletedWhileAnImportRunsWaitsForTheImport(String kind) throws Exception {
        duringImport(kind, (adapters, product) -> new DeleteProduct(adapters.transactions(), adapters.catalog(),
                adapters.collections()).execute(owner(product), product.id()), (adapters, product) ->
                assertThat(adapters.catalog().find(product.clientId(), product.id())).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aProductChangedWhileAnImportRunsWaitsForTheImport(String kind) throws Exception {
        duringImport(kind, (adapters, product) -> new UpdateProduct(adapters.transactions(), adapters.catalog(),
                adapters.collections(), Clock.systemUTC()).execute(owner(product),
                new UpdateProduct.Command(product.id(), details -> details.productType("boot"))),
                ProductWritesDuringImportTest::bothChangesMade);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aProductChangedInABatchWhileAnImportRunsWaitsForTheImport(String kind) throws Exception {
        duringImport(kind, (adapters, product) -> new UpsertProducts(adapters.transactions(), adapters.catalog(),
                adapters.collections(), adapters.ids(), Clock.systemUTC()).execute(owner(product),
                List.of(new UpsertProducts.Item(product.id(), details -> details.productType("boot")))),
                ProductWritesDuringImportTest::bothChangesMade);
    }

    private static Caller owner(Product product) {
        return Caller.of(product.clientId().value(), "u", Role.OWNER);
    }

    private static void bothChangesMade(JdbcAdapters adapters, Product product) {
        ProductDetails after = adapters.catalog().find(product.clientId(), product.id()).orElseThrow().details();
        assertThat(after.name()).as("the import's change").isEqualTo("P2");
        assertThat(after.productType()).as("the product change, made after it").isEqualTo("boot");
    }

    /**
     * A shoe collection with one product P; an import creates another shoe, holds the collection's count row, lets
     * {@code write} start on P, and then renames P itself. Both must finish, and the collection counts the new shoe.
     */
    private static void duringImport(String kind, BiConsumer<JdbcAdapters, Product> write,
            BiConsumer<JdbcAdapters, Product> check) throws Exception {
        TestDatabases.PostgresSchema schema = kind.equals("h2") ? null : TestDatabases.newPostgresSchema();
        JdbcAdapters adapters = schema == null ? TestDatabases.h2()
                : JdbcAdapters.start(new JdbcSettings(schema.url(), null, null, 8));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            ClientId client = new ClientId("client-" + UUID.randomUUID());
            Product existing = Product.create(adapters.ids().nextProductId(), client,
                    ProductDetails.builder().name("P").productType("shoe").build(), USER, Instant.now());
            adapters.transactions().inTransaction(() -> adapters.catalog().insert(existing));
            ProductCollection shoes = RuleCollections.create(adapters, client, "Shoes", RuleCollections.type("shoe"));
            assertThat(shoes.productCount()).isEqualTo(1);
            CountDownLatch countsHeld = new CountDownLatch(1);
            CountDownLatch writeSent = new CountDownLatch(1);
            Future<?> importing = threads.submit(() -> adapters.transactions().inTransaction(() -> {
                Product created = Product.create(adapters.ids().nextProductId(), client,
                        ProductDetails.builder().name("N").productType("shoe").build(), USER, Instant.now());
                adapters.catalog().insert(created);
                adapters.collections().refreshMemberships(client, List.of(created));
                countsHeld.countDown();
                Pauses.await(writeSent);
                // Longer than PostgreSQL's deadlock_timeout, so a deadlock would be found and broken.
                Pauses.sleep(1_500);
                Product renamed = existing.withDetails(existing.details().toBuilder().name("P2").build(), USER,
                        Instant.now());
                adapters.catalog().update(renamed);
                adapters.collections().refreshMemberships(client, List.of(renamed));
            }));
            assertThat(countsHeld.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> writing = threads.submit(() -> write.accept(adapters, existing));
            Pauses.sleep(200);
            writeSent.countDown();

            importing.get(60, TimeUnit.SECONDS);
            writing.get(60, TimeUnit.SECONDS);
            check.accept(adapters, existing);
            assertThat(adapters.collections().find(client, shoes.id()).orElseThrow().productCount())
                    .as("the import's new product only").isEqualTo(1);
        } finally {
            threads.shutdownNow();
            adapters.close();
            if (schema != null) {
                schema.drop();
            }
        }
    }
}
