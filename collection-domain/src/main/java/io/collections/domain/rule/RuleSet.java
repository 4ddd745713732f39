package io.collections.domain.rule;

import io.collections.domain.InvalidInputException;
import io.collections.domain.product.ProductDetails;
import java.util.List;
import java.util.Objects;

/**
 * The inclusion rules of a collection and how they combine: every rule ({@code match_all_rules: true}) or at
 * least one. No rules include nothing: such a collection is picked by hand.
 */
public record RuleSet(List<InclusionRule> rules, boolean matchAll) {
    public static final int MAX_RULES = 60;
    public static final RuleSet NONE = new RuleSet(List.of(), true);

    public RuleSet {
        Objects.requireNonNull(rules, "rules");
        if (rules.size() > MAX_RULES) {
            throw new InvalidInputException("product_inclusion_rules.rules",
                    "has " + rules.size() + " rules; at most " + MAX_RULES + " are allowed");
        }
        rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public RuleSet withMatchAll(boolean newMatchAll) {
        return new RuleSet(rules, newMatchAll);
    }

    public RuleSet withRules(List<InclusionRule> newRules) {
        return new RuleSet(newRules, matchAll);
    }

    public boolean matches(ProductDetails product) {
        if (rules.isEmpty()) {
            return false;
        }
        for (int i = 0, size = rules.size(); i < size; i++) {
            if (matches(rules.get(i), product) != matchAll) {
                return !matchAll;
            }
        }
        return matchAll;
    }

    /**
     * One rule's answer, dispatched by hand over the sealed family: rule sets mix rule kinds, and the JIT does not
     * inline a call site that sees three receiver classes, while it does inline each of these checked calls.
     */
    static boolean matches(InclusionRule rule, ProductDetails product) {
        if (rule instanceof TextRule text) {
            return text.matches(product);
        }
        if (rule instanceof DecimalRule decimal) {
            return decimal.matches(product);
        }
        if (rule instanceof TagRule tag) {
            return tag.matches(product);
        }
        return rule.matches(product);
    }
}
