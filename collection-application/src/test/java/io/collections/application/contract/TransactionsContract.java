package io.collections.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.ClientId;
import io.collections.domain.collection.MemberState;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every Transactions adapter must do, over the other ports of the same storage. */
public abstract class TransactionsContract extends ContractSupport {

    @Test
    void aFailureRollsBackEveryWrite() {
        ClientId client = newClient();
        Product existing = createProduct(client, b -> b.name("Existing").brand("acme"));
        ProductCollection collection = createCollection(client, "Acme", all(rule("brand", null, "acme")),
                SortOrder.NAME);
        ProductCollection before = reload(collection);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            Product added = Product.create(adapters.ids().nextProductId(), client,
                    ProductDetails.builder().name("New").brand("ACME").build(), USER, tick());
            catalog.insert(added);
            collections.refreshMemberships(client, List.of(added));
            collections.saveMemberState(client, collection.id(), existing.id(), new MemberState(true, false, true));
            ProductCollection renamed = before.rename("Renamed", USER, tick());
            collections.update(renamed, before.version());
            ProductCollection other = ProductCollection.create(adapters.ids().nextCollectionId(), client, "Other",
                    null, null, null, null, USER, tick());
            collections.insert(other);
            catalog.update(existing.withDetails(existing.details().toBuilder().name("Changed").build(), USER, tick()));
            assertThat(reload(collection).productCount()).isEqualTo(1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        ProductCollection after = reload(collection);
        assertThat(after.name()).isEqualTo("Acme");
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.productCount()).isEqualTo(1);
        assertThat(ids(members(collection, 10))).containsExactly(existing.id().value());
        assertThat(collections.memberState(client, collection.id(), existing.id()))
                .isEqualTo(new MemberState(true, false, false));
        assertThat(catalog.find(client, existing.id()).orElseThrow().details().name()).isEqualTo("Existing");
        assertThat(catalog.list(client, io.collections.domain.PageRequest.first(10)).items()).hasSize(1);
        assertThat(collections.nameExists(client, "Other")).isFalse();
    }

    @Test
    void nestedCallsJoinTheOuterTransaction() {
        ClientId client = newClient();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            String inner = transactions.inTransaction(() -> {
                createProduct(client, b -> b.name("Inner"));
                return "inner result";
            });
            assertThat(inner).isEqualTo("inner result");
            assertThat(catalog.list(client, io.collections.domain.PageRequest.first(10)).items()).hasSize(1);
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");
        assertThat(catalog.list(client, io.collections.domain.PageRequest.first(10)).items())
                .as("the inner write went with the outer rollback").isEmpty();

        String result = transactions.inTransaction(() -> transactions.inTransaction(() -> {
            createProduct(client, b -> b.name("Committed"));
            return "done";
        }));
        assertThat(result).isEqualTo("done");
        assertThat(catalog.list(client, io.collections.domain.PageRequest.first(10)).items())
                .extracting(p -> p.details().name()).containsExactly("Committed");
    }

    @Test
    void concurrentAddsKeepTheCountExact() throws Exception {
        ClientId client = newClient();
        List<Product> products = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            products.add(createProduct(client, b -> b.name("P" + n)));
        }
        ProductCollection collection = createCollection(client, "Busy", all(rule("name", "ends_with", "0")),
                SortOrder.MANUAL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (Product product : products) {
                futures.add(pool.submit(() -> transactions.inTransaction(() -> {
                    MemberState state = collections.memberState(client, collection.id(), product.id());
                    collections.saveMemberState(client, collection.id(), product.id(), state.afterAdd());
                })));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(reload(collection).productCount()).isEqualTo(40);
        assertCountIsExact(collection);
    }

    @Test
    void idsAreUniqueAcrossThreads() throws Exception {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2500; i++) {
                        assertThat(seen.add(adapters.ids().nextId())).isTrue();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seen).hasSize(10_000).allMatch(id -> id > 0);
    }
}
