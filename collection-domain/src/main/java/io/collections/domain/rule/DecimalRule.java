package io.collections.domain.rule;

import io.collections.domain.InvalidInputException;
import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A rule over price or weight, compared as exact decimals ("12.5" equals "12.50"). A product without the value
 * matches only {@code not_equals}.
 */
public record DecimalRule(RuleType type, Relation relation, String value, BigDecimal decimal) implements InclusionRule {
    public DecimalRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(decimal, "decimal");
        if (type.kind() != RuleType.Kind.DECIMAL || !type.relations().contains(relation)) {
            throw new IllegalArgumentException(type + " " + relation + " is not a decimal rule");
        }
    }

    static DecimalRule parse(String where, RuleType type, Relation relation, String value) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + ".value", "'" + value + "' is not a decimal number");
        }
        if (Math.abs((long) decimal.scale()) > 50 || decimal.precision() > 50) {
            throw new InvalidInputException(where + ".value", "'" + value + "' is out of range");
        }
        return new DecimalRule(type, relation, value, decimal);
    }

    /** The decimal written without trailing zeros, so equal amounts have equal keys. */
    public String normalizedValue() {
        return normalize(decimal);
    }

    public static String normalize(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean matches(ProductDetails product) {
        BigDecimal attribute = type.decimalOf(product);
        if (attribute == null) {
            return relation == Relation.NOT_EQUALS;
        }
        int comparison = attribute.compareTo(decimal);
        switch (relation) {
            case EQUALS:
                return comparison == 0;
            case NOT_EQUALS:
                return comparison != 0;
            case GREATER_THAN:
                return comparison > 0;
            case LESS_THAN:
                return comparison < 0;
            default:
                throw new IllegalStateException("not a decimal relation: " + relation);
        }
    }
}
