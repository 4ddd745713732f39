package io.collections.domain.rule;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.TextFolding;
import java.util.Objects;

/**
 * A rule over one text attribute. A product without the attribute matches only the negative relations
 * ({@code not_equals}, {@code not_contains}).
 */
public record TextRule(RuleType type, Relation relation, String value, String foldedValue) implements InclusionRule {
    public TextRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(value, "value");
        if (type.kind() != RuleType.Kind.TEXT || !type.relations().contains(relation)) {
            throw new IllegalArgumentException(type + " " + relation + " is not a text rule");
        }
        foldedValue = TextFolding.fold(value);
    }

    public TextRule(RuleType type, Relation relation, String value) {
        this(type, relation, value, null);
    }

    @Override
    public boolean matches(ProductDetails product) {
        return compare(relation, type.foldedTextOf(product), foldedValue);
    }

    static boolean compare(Relation relation, String attribute, String foldedValue) {
        switch (relation) {
            case EQUALS:
                return foldedValue.equals(attribute);
            case NOT_EQUALS:
                return !foldedValue.equals(attribute);
            case CONTAINS:
                return attribute != null && attribute.contains(foldedValue);
            case NOT_CONTAINS:
                return attribute == null || !attribute.contains(foldedValue);
            case STARTS_WITH:
                return attribute != null && attribute.startsWith(foldedValue);
            case ENDS_WITH:
                return attribute != null && attribute.endsWith(foldedValue);
            default:
                throw new IllegalStateException("not a text relation: " + relation);
        }
    }
}
