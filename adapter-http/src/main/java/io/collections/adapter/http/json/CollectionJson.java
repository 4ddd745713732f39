package io.collections.adapter.http.json;

import io.collections.domain.collection.ProductCollection;
import io.collections.domain.rule.InclusionRule;
import java.util.List;

/** A collection as the API answers it: every field present, ids as decimal strings, rules as {@code {"rules": []}}. */
public record CollectionJson(
        String id,
        String name,
        String status,
        String imageId,
        RulesJson productInclusionRules,
        boolean matchAllRules,
        String sortBy,
        long productCount,
        String createdAt,
        String updatedAt,
        String createdBy,
        String updatedBy) {

    /** The rules object of a collection; {@code rules} is {@code []} when there are none. */
    public record RulesJson(List<RuleJson> rules) {
    }

    /** One rule, with its relation always spelled out. */
    public record RuleJson(String type, String relation, String value) {
        static RuleJson from(InclusionRule rule) {
            return new RuleJson(rule.type().wireName(), rule.relation().wireName(), rule.value());
        }
    }

    public static CollectionJson from(ProductCollection collection) {
        return new CollectionJson(
                collection.id().toString(),
                collection.name(),
                collection.status().name(),
                collection.imageId(),
                new RulesJson(collection.ruleSet().rules().stream().map(RuleJson::from).toList()),
                collection.ruleSet().matchAll(),
                collection.sortOrder().wireName(),
                collection.productCount(),
                Timestamps.format(collection.createdAt()),
                Timestamps.format(collection.updatedAt()),
                collection.createdBy().value(),
                collection.updatedBy().value());
    }
}
