package io.collections.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.application.collection.CreateCollection;
import io.collections.application.collection.UpdateCollection;
import io.collections.domain.CollectionId;
import io.collections.domain.InvalidInputException;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns the body of a collection create or merge patch into the use case's command, refusing anything odd. */
public final class CollectionInput {
    public static final Set<String> WRITABLE = Set.of("name", "status", "image_id", "product_inclusion_rules",
            "match_all_rules", "sort_by");
    public static final Set<String> READ_ONLY = Set.of("id", "product_count", "created_at", "updated_at",
            "created_by", "updated_by");
    private static final String ENTITY = "a collection";

    private CollectionInput() {
    }

    public static CreateCollection.Command create(JsonNode body) {
        JsonFields fields = JsonFields.body(body).allowOnly(WRITABLE, READ_ONLY, ENTITY);
        String name = fields.string("name");
        if (name == null) {
            throw new InvalidInputException("name", "is required");
        }
        String status = fields.string("status");
        String imageId = fields.string("image_id");
        List<InclusionRule> rules = fields.has("product_inclusion_rules")
                ? rules(fields.node("product_inclusion_rules")) : List.of();
        Boolean matchAll = fields.bool("match_all_rules");
        String sortBy = fields.string("sort_by");
        ProductCollection.checkName(name);
        return new CreateCollection.Command(name,
                status == null ? null : CollectionStatus.parse("status", status),
                imageId,
                new RuleSet(rules, matchAll == null || matchAll),
                sortBy == null ? null : SortOrder.parse(sortBy));
    }

    /** A JSON merge patch: absent fields stay, null clears (to the default), rules are replaced whole. */
    public static UpdateCollection.Command patch(CollectionId id, JsonNode body) {
        JsonFields fields = JsonFields.body(body).allowOnly(WRITABLE, READ_ONLY, ENTITY);
        Optional<String> name = Optional.empty();
        if (fields.has("name")) {
            String value = fields.string("name");
            if (value == null) {
                throw new InvalidInputException("name", "cannot be null; a collection always has a name");
            }
            name = Optional.of(ProductCollection.checkName(value));
        }
        Optional<CollectionStatus> status = Optional.empty();
        if (fields.has("status")) {
            String value = fields.string("status");
            if (value == null) {
                throw new InvalidInputException("status", "cannot be null; one of "
                        + String.join(", ", List.of("DRAFT", "ENABLED", "DISABLED", "ARCHIVED")));
            }
            status = Optional.of(CollectionStatus.parse("status", value));
        }
        Optional<Optional<String>> imageId = fields.has("image_id")
                ? Optional.of(Optional.ofNullable(fields.string("image_id"))) : Optional.empty();
        Optional<List<InclusionRule>> rules = fields.has("product_inclusion_rules")
                ? Optional.of(rules(fields.node("product_inclusion_rules"))) : Optional.empty();
        Optional<Boolean> matchAll = Optional.empty();
        if (fields.has("match_all_rules")) {
            Boolean value = fields.bool("match_all_rules");
            matchAll = Optional.of(value == null || value);
        }
        Optional<SortOrder> sortBy = Optional.empty();
        if (fields.has("sort_by")) {
            String value = fields.string("sort_by");
            sortBy = Optional.of(value == null ? SortOrder.NAME : SortOrder.parse(value));
        }
        return new UpdateCollection.Command(id, null, name, status, imageId, rules, matchAll, sortBy);
    }

    /** {@code {"rules": [...]}}; null (or a missing {@code rules}) means no rules. */
    static List<InclusionRule> rules(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        JsonFields object = JsonFields.object(node, "product_inclusion_rules")
                .allowOnly(Set.of("rules"), Set.of(), "product_inclusion_rules");
        JsonNode array = object.node("rules");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidInputException("product_inclusion_rules.rules",
                    "must be an array of rules, got " + JsonFields.kind(array));
        }
        if (array.size() > RuleSet.MAX_RULES) {
            throw new InvalidInputException("product_inclusion_rules.rules",
                    "has " + array.size() + " rules; at most " + RuleSet.MAX_RULES + " are allowed");
        }
        List<InclusionRule> rules = new ArrayList<>(array.size());
        for (int position = 0; position < array.size(); position++) {
            String path = "product_inclusion_rules.rules[" + position + "]";
            JsonFields rule = JsonFields.object(array.get(position), path)
                    .allowOnly(Set.of("type", "relation", "value"), Set.of(), "a rule");
            rules.add(InclusionRule.parse(position, rule.string("type"), rule.string("relation"),
                    rule.string("value")));
        }
        return rules;
    }
}
