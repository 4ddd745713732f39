package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.ClientId;
import io.collections.domain.PageRequest;
import io.collections.domain.UserId;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, each with its own in-process rule index (decision 0090): a product written on
 * one instance follows every rule change made on the other, and a rolled-back rule change leaves no trace in the
 * index. Instance A rebuilds its index after two changes, so both the overlay and the rebuild are exercised.
 */
abstract class RuleIndexAcrossInstancesTest {
    private static final UserId USER = new UserId("rule-index-test");

    private JdbcAdapters a;
    private JdbcAdapters b;
    private JdbcCollectionRepository collectionsOfA;
    private final ClientId client = new ClientId("client-" + UUID.randomUUID());

    /** Two adapters opened on the same, freshly migrated database. */
    protected abstract JdbcAdapters[] openTwoInstances();

    protected abstract void dropDatabase();

    @BeforeEach
    void open() {
        JdbcAdapters[] instances = openTwoInstances();
        a = instances[0];
        b = instances[1];
        collectionsOfA = new JdbcCollectionRepository((JdbiTransactions) a.transactions(), 2);
    }

    @AfterEach
    void close() {
        // Nothing was opened when the database is not configured and the test was skipped.
        if (a == null) {
            return;
        }
        a.close();
        b.close();
        dropDatabase();
    }

    @Test
    void aProductWrittenOnOneInstanceFollowsRuleChangesMadeOnTheOther() {
        ProductCollection shoes = create(b, "Shoes", type("shoe"));
        Product first = createProductOnA("shoe");
        assertThat(memberIds(shoes)).containsExactly(first.id().value());

        ProductCollection changed = replaceRules(b, shoes, type("shirt"));
        Product shirt = createProductOnA("shirt");
        Product shoe = createProductOnA("shoe");
        assertThat(memberIds(changed)).containsExactly(shirt.id().value()).doesNotContain(shoe.id().value());

        ProductCollection hats = create(b, "Hats", type("hat"));
        ProductCollection everything = create(b, "Anything", RuleSet.NONE.withRules(
                List.of(InclusionRule.of("product_type", "not_equals", "none"))));
        Product hat = createProductOnA("hat");
        assertThat(memberIds(hats)).containsExactly(hat.id().value());
        assertThat(memberIds(everything)).contains(hat.id().value(), shirt.id().value(), shoe.id().value());
        assertThat(b.collections().find(client, everything.id()).orElseThrow().productCount()).isEqualTo(4);

        ProductCollection noRules = replaceRules(b, hats, RuleSet.NONE);
        createProductOnA("hat");
        assertThat(memberIds(noRules)).isEmpty();
    }

    @Test
    void aDeletedCollectionIsSkippedAndARolledBackRuleChangeIsForgotten() {
        ProductCollection shoes = create(b, "Shoes", type("shoe"));
        ProductCollection gone = create(b, "Gone", type("shoe"));
        createProductOnA("shoe");
        b.transactions().inTransaction(() -> b.collections().delete(client, gone.id()));
        Product afterDelete = createProductOnA("shoe");
        assertThat(memberIds(shoes)).hasSize(2).contains(afterDelete.id().value());

        ProductCollection current = b.collections().find(client, shoes.id()).orElseThrow();
        ProductCollection toShirts = current.replaceRules(type("shirt"), USER, Instant.now());
        // A new instance, whose first index is loaded inside the transaction that is then rolled back.
        collectionsOfA = new JdbcCollectionRepository((JdbiTransactions) a.transactions(), 2);
        assertThatThrownBy(() -> a.transactions().inTransaction(() -> {
            collectionsOfA.update(toShirts, current.version());
            collectionsOfA.refreshRuleMatches(toShirts);
            Product shirtInside = insertProduct("shirt");
            // The transaction sees its own rule change before it is stamped at commit.
            assertThat(collectionsOfA.memberState(client, shoes.id(), shirtInside.id()).isMember()).isTrue();
            throw new IllegalStateException("rolled back on purpose");
        })).hasMessage("rolled back on purpose");
        // Another instance's change now takes the generation number the rolled-back change had used.
        ProductCollection hats = create(b, "Hats", type("hat"));

        Product hat = createProductOnA("hat");
        assertThat(memberIds(hats)).containsExactly(hat.id().value());
        Product shoe = createProductOnA("shoe");
        Product shirt = createProductOnA("shirt");
        assertThat(memberIds(shoes)).contains(shoe.id().value()).doesNotContain(shirt.id().value()).hasSize(3);
    }

    @Test
    void aTransactionThatChangesRulesMatchesItsOwnProductsByTheNewRules() {
        ProductCollection shoes = create(b, "Shoes", type("shoe"));
        createProductOnA("shoe");
        ProductCollection current = b.collections().find(client, shoes.id()).orElseThrow();
        ProductCollection toShirts = current.replaceRules(type("shirt"), USER, Instant.now());
        Product shirt = a.transactions().inTransaction(() -> {
            collectionsOfA.update(toShirts, current.version());
            collectionsOfA.refreshRuleMatches(toShirts);
            Product inside = insertProduct("shirt");
            assertThat(collectionsOfA.memberState(client, shoes.id(), inside.id()).isMember()).isTrue();
            return inside;
        });
        Product shoe = createProductOnA("shoe");
        assertThat(memberIds(shoes)).containsExactly(shirt.id().value()).doesNotContain(shoe.id().value());
    }

    private Product createProductOnA(String productType) {
        return a.transactions().inTransaction(() -> insertProduct(productType));
    }

    private Product insertProduct(String productType) {
        Product product = Product.create(a.ids().nextProductId(), client,
                ProductDetails.builder().name("P " + productType).productType(productType).build(), USER,
                Instant.now());
        a.catalog().insert(product);
        collectionsOfA.refreshMemberships(client, List.of(product));
        return product;
    }

    private ProductCollection create(JdbcAdapters instance, String name, RuleSet rules) {
        return RuleCollections.create(instance, client, name, rules);
    }

    private static ProductCollection replaceRules(JdbcAdapters instance, ProductCollection collection,
            RuleSet rules) {
        return RuleCollections.replaceRules(instance, collection, rules);
    }

    private Set<Long> memberIds(ProductCollection collection) {
        ProductCollection current = b.collections().find(client, collection.id()).orElseThrow();
        Set<Long> ids = b.collections().members(current, PageRequest.first(100)).items().stream()
                .map(product -> product.id().value()).collect(Collectors.toSet());
        assertThat(current.productCount()).as("product_count of %s", current.name()).isEqualTo(ids.size());
        return ids;
    }

    private static RuleSet type(String value) {
        return RuleCollections.type(value);
    }
}
