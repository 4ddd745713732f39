package io.collections.domain.rule;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.TextFolding;
import java.util.List;
import java.util.Objects;

/**
 * A rule over a product's tags: {@code equals} means "has such a tag", {@code not_equals} "has no such tag",
 * {@code contains}/{@code starts_with}/{@code ends_with} "has a tag that does", {@code not_contains} "has no tag
 * that does".
 */
public record TagRule(Relation relation, String value, String foldedValue) implements InclusionRule {
    public TagRule {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(value, "value");
        if (!RuleType.TAG.relations().contains(relation)) {
            throw new IllegalArgumentException(relation + " does not apply to tags");
        }
        foldedValue = TextFolding.fold(value);
    }

    public TagRule(Relation relation, String value) {
        this(relation, value, null);
    }

    @Override
    public RuleType type() {
        return RuleType.TAG;
    }

    @Override
    public boolean matches(ProductDetails product) {
        List<String> tags = product.folded().tags();
        switch (relation) {
            case NOT_EQUALS:
                return !anyTag(tags, Relation.EQUALS);
            case NOT_CONTAINS:
                return !anyTag(tags, Relation.CONTAINS);
            default:
                return anyTag(tags, relation);
        }
    }

    private boolean anyTag(List<String> tags, Relation positive) {
        for (String tag : tags) {
            if (TextRule.compare(positive, tag, foldedValue)) {
                return true;
            }
        }
        return false;
    }
}
