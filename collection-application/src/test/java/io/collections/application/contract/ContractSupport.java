package io.collections.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.application.Transactions;
import io.collections.domain.ClientId;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.UserId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every contract suite shares: one storage per test class (each test works in a client of its own, so tests
 * never see each other's data), and helpers that write as the use cases do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractSupport {
    protected static final UserId USER = new UserId("contract-user");
    private static final AtomicLong CLOCK = new AtomicLong(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());

    protected Adapters adapters;
    protected Transactions transactions;
    protected CollectionRepository collections;
    protected ProductCatalog catalog;

    /** A fresh, empty storage for this test class. */
    protected abstract Adapters createAdapters();

    @BeforeAll
    void openAdapters() {
        adapters = createAdapters();
        transactions = adapters.transactions();
        collections = adapters.collections();
        catalog = adapters.catalog();
    }

    @AfterAll
    void closeAdapters() throws Exception {
        if (adapters != null) {
            adapters.closer().close();
        }
    }

    protected static ClientId newClient() {
        return new ClientId("client-" + UUID.randomUUID());
    }

    /** A later instant on every call, at millisecond precision, so newest-first orders are known. */
    protected static Instant tick() {
        return Instant.ofEpochMilli(CLOCK.addAndGet(1000));
    }

    protected Product createProduct(ClientId clientId, UnaryOperator<ProductDetails.Builder> details) {
        return createProduct(clientId, details, tick());
    }

    /** Creates a product and lets every rule collection follow, as CreateProduct does. */
    protected Product createProduct(ClientId clientId, UnaryOperator<ProductDetails.Builder> details, Instant at) {
        Product product = Product.create(adapters.ids().nextProductId(), clientId,
                details.apply(ProductDetails.builder()).build(), USER, at);
        transactions.inTransaction(() -> {
            catalog.insert(product);
            collections.refreshMemberships(clientId, List.of(product));
        });
        return product;
    }

    protected Product changeProduct(Product product, UnaryOperator<ProductDetails.Builder> change) {
        Product changed = product.withDetails(change.apply(product.details().toBuilder()).build(), USER, tick());
        transactions.inTransaction(() -> {
            catalog.update(changed);
            collections.refreshMemberships(changed.clientId(), List.of(changed));
        });
        return changed;
    }

    protected void deleteProduct(Product product) {
        transactions.inTransaction(() -> {
            collections.forgetProducts(product.clientId(), List.of(product.id()));
            catalog.delete(product.clientId(), product.id());
        });
    }

    protected ProductCollection createCollection(ClientId clientId, String name, RuleSet rules, SortOrder order) {
        return createCollection(clientId, name, rules, order, CollectionStatus.DRAFT);
    }

    /** Creates a collection and matches its rules, as CreateCollection does. */
    protected ProductCollection createCollection(ClientId clientId, String name, RuleSet rules, SortOrder order,
            CollectionStatus status) {
        ProductCollection collection = ProductCollection.create(adapters.ids().nextCollectionId(), clientId, name,
                status, null, rules, order, USER, tick());
        return transactions.inTransaction(() -> {
            collections.insert(collection);
            if (!rules.isEmpty()) {
                collections.refreshRuleMatches(collection);
            }
            return reload(collection);
        });
    }

    /** Replaces the rules, as UpdateCollection does. */
    protected ProductCollection replaceRules(ProductCollection collection, RuleSet rules) {
        ProductCollection current = reload(collection);
        ProductCollection changed = current.replaceRules(rules, USER, tick());
        return transactions.inTransaction(() -> {
            assertThat(collections.update(changed, current.version())).isTrue();
            collections.refreshRuleMatches(changed);
            return reload(changed);
        });
    }

    protected ProductCollection reload(ProductCollection collection) {
        return collections.find(collection.clientId(), collection.id()).orElseThrow();
    }

    protected static RuleSet all(InclusionRule... rules) {
        return new RuleSet(List.of(rules), true);
    }

    protected static RuleSet any(InclusionRule... rules) {
        return new RuleSet(List.of(rules), false);
    }

    protected static InclusionRule rule(String type, String relation, String value) {
        return InclusionRule.of(type, relation, value);
    }

    /** Every member, read page after page with small pages, each exactly once. */
    protected List<Product> members(ProductCollection collection, int pageSize) {
        ProductCollection current = reload(collection);
        return readAll(cursor -> collections.members(current, new PageRequest(pageSize, cursor)));
    }

    protected static <T> List<T> readAll(Function<String, Page<T>> pages) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        int guard = 0;
        do {
            Page<T> page = pages.apply(cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            assertThat(++guard).as("pages").isLessThan(100_000);
        } while (cursor != null);
        return all;
    }

    protected static Set<Long> ids(List<Product> products) {
        Set<Long> ids = new HashSet<>();
        products.forEach(product -> ids.add(product.id().value()));
        return ids;
    }

    /** The stored count equals what the members listing shows. */
    protected void assertCountIsExact(ProductCollection collection) {
        ProductCollection current = reload(collection);
        assertThat(current.productCount()).as("product_count of " + current.name())
                .isEqualTo(members(current, 1000).size());
    }
}
