package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.util.List;

/** Rule collections made and changed on one adapter as the use cases do, for the adapter's own tests. */
final class RuleCollections {
    private static final UserId USER = new UserId("rule-collections-fixture");

    private RuleCollections() {
    }

    /** Creates a manually ordered collection and matches its rules, as CreateCollection does. */
    static ProductCollection create(JdbcAdapters adapters, ClientId client, String name, RuleSet rules) {
        ProductCollection collection = ProductCollection.create(adapters.ids().nextCollectionId(), client, name,
                CollectionStatus.DRAFT, null, rules, SortOrder.MANUAL, USER, Instant.now());
        return adapters.transactions().inTransaction(() -> {
            adapters.collections().insert(collection);
            adapters.collections().refreshRuleMatches(collection);
            return adapters.collections().find(client, collection.id()).orElseThrow();
        });
    }

    /** Replaces the rules, as UpdateCollection does, and answers the collection as stored afterwards. */
    static ProductCollection replaceRules(JdbcAdapters adapters, ProductCollection collection, RuleSet rules) {
        ClientId client = collection.clientId();
        ProductCollection current = adapters.collections().find(client, collection.id()).orElseThrow();
        ProductCollection changed = current.replaceRules(rules, USER, Instant.now());
        return adapters.transactions().inTransaction(() -> {
            assertThat(adapters.collections().update(changed, current.version())).isTrue();
            adapters.collections().refreshRuleMatches(changed);
            return adapters.collections().find(client, collection.id()).orElseThrow();
        });
    }

    /** All of: product_type equals the value. */
    static RuleSet type(String value) {
        return new RuleSet(List.of(InclusionRule.of("product_type", "equals", value)), true);
    }
}
