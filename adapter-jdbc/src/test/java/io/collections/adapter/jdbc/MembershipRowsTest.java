package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.ClientId;
import io.collections.domain.PageRequest;
import io.collections.domain.UserId;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rows behind membership that the ports do not show (decision 0101): on H2 a product the rules let go keeps a
 * row without flags, which a rule change can take back, a product deletion removes, and a refresh deletes once such
 * rows outnumber the members; on PostgreSQL the row is deleted.
 */
abstract class MembershipRowsTest {
    private static final UserId USER = new UserId("membership-rows-test");

    private JdbcAdapters adapters;
    private final ClientId client = new ClientId("client-" + UUID.randomUUID());

    protected abstract JdbcAdapters open();

    protected abstract void dropDatabase();

    /** Whether the adapter keeps the rows of products the rules let go. */
    protected abstract boolean keepsLeftRows();

    @BeforeEach
    void start() {
        adapters = open();
    }

    @AfterEach
    void stop() {
        // Nothing was opened when the database is not configured and the test was skipped.
        if (adapters == null) {
            return;
        }
        adapters.close();
        dropDatabase();
    }

    @Test
    void aProductTheRulesLetGoLeavesARowWithoutFlagsOnlyWhereTheAdapterKeepsThem() {
        List<Product> shoes = insertProducts(3, "shoe");
        ProductCollection collection = create(type("shoe"));
        assertThat(rows(collection)).isEqualTo(3);

        ProductCollection hats = replaceRules(collection, type("hat"));
        assertThat(hats.productCount()).isZero();
        assertThat(members(hats)).isEmpty();
        int kept = keepsLeftRows() ? 3 : 0;
        assertThat(rows(hats)).isEqualTo(kept);
        assertThat(rowsWithoutFlags(hats)).isEqualTo(kept);

        adapters.transactions().inTransaction(() -> {
            adapters.collections().forgetProducts(client, List.of(shoes.get(0).id()));
            adapters.catalog().delete(client, shoes.get(0).id());
        });
        assertThat(rows(hats)).isEqualTo(keepsLeftRows() ? 2 : 0);

        ProductCollection back = replaceRules(hats, type("shoe"));
        assertThat(back.productCount()).isEqualTo(2);
        assertThat(members(back)).containsExactly(shoes.get(1).id().value(), shoes.get(2).id().value());
        assertThat(rows(back)).isEqualTo(2);
        assertThat(rowsWithoutFlags(back)).isZero();
    }

    @Test
    void rowsWithoutFlagsAreDeletedOnceTheyOutnumberTheMembersByTheMargin() {
        insertProducts(RuleRefresh.KEPT_LEFT_ROWS + 10, "shoe");
        insertProducts(2, "hat");
        ProductCollection collection = create(type("shoe"));
        assertThat(collection.productCount()).isEqualTo(RuleRefresh.KEPT_LEFT_ROWS + 10);

        ProductCollection hats = replaceRules(collection, type("hat"));

        assertThat(hats.productCount()).isEqualTo(2);
        assertThat(rows(hats)).isEqualTo(2);
        assertThat(members(hats)).hasSize(2);
    }

    private List<Product> insertProducts(int count, String productType) {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            products.add(Product.create(adapters.ids().nextProductId(), client,
                    ProductDetails.builder().name("P" + i).productType(productType).build(), USER, Instant.now()));
        }
        adapters.transactions().inTransaction(() -> adapters.catalog().insertAll(products));
        return products;
    }

    private ProductCollection create(RuleSet rules) {
        return RuleCollections.create(adapters, client, "C", rules);
    }

    private ProductCollection replaceRules(ProductCollection collection, RuleSet rules) {
        return RuleCollections.replaceRules(adapters, collection, rules);
    }

    private List<Long> members(ProductCollection collection) {
        return adapters.collections().members(collection, PageRequest.first(100)).items().stream()
                .map(product -> product.id().value()).toList();
    }

    private long rows(ProductCollection collection) {
        return count("SELECT COUNT(*) FROM memberships WHERE collection_id = :id", collection);
    }

    private long rowsWithoutFlags(ProductCollection collection) {
        return count("SELECT COUNT(*) FROM memberships WHERE collection_id = :id AND NOT matched AND NOT added"
                + " AND NOT removed", collection);
    }

    private long count(String sql, ProductCollection collection) {
        return ((JdbiTransactions) adapters.transactions()).withHandle(handle -> handle.createQuery(sql)
                .bind("id", collection.id().value()).mapTo(Long.class).one());
    }

    private static RuleSet type(String value) {
        return RuleCollections.type(value);
    }
}
