package io.collections.domain.rule;

import io.collections.domain.InvalidInputException;
import io.collections.domain.Text;
import io.collections.domain.product.ProductDetails;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One condition on a product attribute, such as {@code product_type equals "Gadget"}. Text compares ignoring
 * case; price and weight compare as decimals.
 */
public sealed interface InclusionRule permits TextRule, TagRule, DecimalRule {
    int MAX_VALUE_LENGTH = 255;

    RuleType type();

    Relation relation();

    /** The value as the client wrote it. */
    String value();

    boolean matches(ProductDetails product);

    /** Builds a rule from its wire parts; a null relation means {@code equals}. */
    static InclusionRule of(String type, String relation, String value) {
        return parse(-1, type, relation, value);
    }

    /**
     * Builds a rule from its wire parts, naming the rule's position (0-based, as in the JSON array) in any error;
     * a negative position names no position.
     */
    static InclusionRule parse(int position, String type, String relation, String value) {
        String where = position < 0 ? "rule" : "product_inclusion_rules.rules[" + position + "]";
        if (type == null) {
            throw new InvalidInputException(where + ".type", "is required; one of " + typeNames());
        }
        RuleType ruleType = RuleType.fromWireName(type).orElseThrow(() -> new InvalidInputException(
                where + ".type", "'" + shorten(type) + "' is not a rule type; one of " + typeNames()));
        Relation ruleRelation = relation == null ? Relation.EQUALS : Relation.fromWireName(relation)
                .orElseThrow(() -> new InvalidInputException(where + ".relation",
                        "'" + shorten(relation) + "' is not a relation; one of " + relationNames(ruleType)));
        if (!ruleType.relations().contains(ruleRelation)) {
            throw new InvalidInputException(where + ".relation", "'" + relation + "' does not apply to "
                    + ruleType.wireName() + "; one of " + relationNames(ruleType));
        }
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(where + ".value", "must not be empty");
        }
        if (Text.length(value) > MAX_VALUE_LENGTH) {
            throw new InvalidInputException(where + ".value", "must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        switch (ruleType.kind()) {
            case TEXT:
                return new TextRule(ruleType, ruleRelation, value);
            case TAGS:
                return new TagRule(ruleRelation, value);
            default:
                return DecimalRule.parse(where, ruleType, ruleRelation, value);
        }
    }

    private static String typeNames() {
        return Arrays.stream(RuleType.values()).map(RuleType::wireName).collect(Collectors.joining(", "));
    }

    private static String relationNames(RuleType type) {
        return type.relations().stream().map(Relation::wireName).collect(Collectors.joining(", "));
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
