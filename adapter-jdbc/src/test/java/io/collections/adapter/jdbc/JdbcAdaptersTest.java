package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, reopening and checking the database, and the ids it hands out. */
class JdbcAdaptersTest {
    private static final ClientId CLIENT = new ClientId("reopen");
    private static final UserId USER = new UserId("tester");

    @Test
    void dataSurvivesClosingAndReopeningTheSameH2File(@TempDir Path directory) {
        JdbcSettings settings = JdbcSettings.of("jdbc:h2:file:" + directory.resolve("collections")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        Instant at = Instant.parse("2025-02-03T04:05:06Z");
        ProductCollection collection;
        Product product;
        try (JdbcAdapters first = JdbcAdapters.start(settings)) {
            assertThat(first.isHealthy()).isTrue();
            product = Product.create(first.ids().nextProductId(), CLIENT,
                    ProductDetails.builder().name("Kept").brand("Acme").build(), USER, at);
            collection = ProductCollection.create(first.ids().nextCollectionId(), CLIENT, "Acme", null, null,
                    new RuleSet(List.of(InclusionRule.of("brand", null, "acme")), true), SortOrder.NAME, USER, at);
            first.transactions().inTransaction(() -> {
                first.catalog().insert(product);
                first.collections().insert(collection);
                first.collections().refreshRuleMatches(collection);
            });
        }
        try (JdbcAdapters second = JdbcAdapters.start(settings)) {
            assertThat(second.catalog().find(CLIENT, product.id())).contains(product);
            ProductCollection reopened = second.collections().find(CLIENT, collection.id()).orElseThrow();
            assertThat(reopened.productCount()).isEqualTo(1);
            assertThat(reopened.ruleSet()).isEqualTo(collection.ruleSet());
            assertThat(second.ids().nextId()).isNotIn(product.id().value(), collection.id().value());
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword() {
        JdbcSettings settings = new JdbcSettings(
                "jdbc:postgresql://127.0.0.1:1/nowhere?user=someone&password=s3cret", null, "s3cret", 1);
        assertThatThrownBy(() -> JdbcAdapters.start(settings))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere?user=someone&password=***")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anUnknownKindOfUrlIsRefusedAtOnce() {
        assertThatThrownBy(() -> JdbcSettings.of("jdbc:mysql://db/x?password=hidden"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password=***").hasMessageNotContaining("hidden");
    }

    @Test
    void theDefaultIsAnH2FileUnderData() {
        assertThat(JdbcSettings.defaults().url()).startsWith("jdbc:h2:file:./data/");
        assertThat(JdbcSettings.defaults().toString()).doesNotContain("password=");
    }

    @Test
    void idsFromTwoInstancesOnOneDatabaseNeverRepeat(@TempDir Path directory) {
        JdbcSettings settings = JdbcSettings.of("jdbc:h2:file:" + directory.resolve("ids")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
        try (JdbcAdapters one = JdbcAdapters.start(settings)) {
            SequenceIdGenerator other = new SequenceIdGenerator(new JdbiTransactions(
                    org.jdbi.v3.core.Jdbi.create(settings.url())));
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 2_500; i++) {
                assertThat(seen.add(one.ids().nextId())).isTrue();
                assertThat(seen.add(other.nextId())).isTrue();
            }
            assertThat(seen).allMatch(id -> id >= 100_000_000L);
        }
    }

    @Test
    void aClosedDatabaseIsNotHealthy() {
        JdbcAdapters adapters = TestDatabases.h2();
        assertThat(adapters.isHealthy()).isTrue();
        adapters.close();
        assertThat(adapters.isHealthy()).isFalse();
    }
}
