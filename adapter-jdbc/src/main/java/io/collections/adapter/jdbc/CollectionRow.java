package io.collections.adapter.jdbc;

import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.UserId;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.TextFolding;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row of {@code collections}, as bound and read; public only so that JDBI can bind its accessors. */
public record CollectionRow(long id, String clientId, String name, String foldedName, String status, String imageId,
        String rules, boolean matchAll, String sortBy, long productCount, long version,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, String createdBy, String updatedBy) {

    /** The columns of {@code collections}; the count is in {@code collection_counts} (decision 0100). */
    static final String COLUMNS = "id, client_id, name, folded_name, status, image_id, rules, match_all,"
            + " sort_by, version, created_at, updated_at, created_by, updated_by";
    /** Reads whole collections, count included; a query adds its conditions on {@code c}. */
    static final String SELECT = "SELECT c.id, c.client_id, c.name, c.folded_name, c.status, c.image_id, c.rules,"
            + " c.match_all, c.sort_by, n.product_count, c.version, c.created_at, c.updated_at, c.created_by,"
            + " c.updated_by FROM collections c JOIN collection_counts n ON n.collection_id = c.id";

    static CollectionRow from(ProductCollection collection) {
        RuleSet ruleSet = collection.ruleSet();
        return new CollectionRow(collection.id().value(), collection.clientId().value(), collection.name(),
                TextFolding.fold(collection.name()), collection.status().name(), collection.imageId(),
                rulesJson(ruleSet), ruleSet.matchAll(),
                collection.sortOrder().wireName(), collection.productCount(), collection.version(),
                collection.createdAt().atOffset(ZoneOffset.UTC), collection.updatedAt().atOffset(ZoneOffset.UTC),
                collection.createdBy().value(), collection.updatedBy().value());
    }

    static CollectionRow read(ResultSet rs) throws SQLException {
        return new CollectionRow(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"),
                rs.getString("folded_name"), rs.getString("status"), rs.getString("image_id"), rs.getString("rules"),
                rs.getBoolean("match_all"), rs.getString("sort_by"),
                rs.getLong("product_count"), rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getString("updated_by"));
    }

    ProductCollection toDomain() {
        return ProductCollection.reconstitute(new CollectionId(id), new ClientId(clientId), name,
                CollectionStatus.valueOf(status), imageId, ruleSet(rules, matchAll), SortOrder.parse(sortBy),
                productCount, version, createdAt.toInstant(), updatedAt.toInstant(), new UserId(createdBy),
                new UserId(updatedBy));
    }

    static String rulesJson(RuleSet ruleSet) {
        List<Map<String, String>> rules = new ArrayList<>(ruleSet.rules().size());
        for (InclusionRule rule : ruleSet.rules()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("type", rule.type().wireName());
            fields.put("relation", rule.relation().wireName());
            fields.put("value", rule.value());
            rules.add(fields);
        }
        return JsonText.writeObjects(rules);
    }

    static RuleSet ruleSet(String rulesJson, boolean matchAll) {
        List<InclusionRule> rules = new ArrayList<>();
        for (Map<String, String> fields : JsonText.readObjects(rulesJson)) {
            rules.add(InclusionRule.of(fields.get("type"), fields.get("relation"), fields.get("value")));
        }
        return new RuleSet(rules, matchAll);
    }
}
