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
        for (InclusionRule rule : rules) {
            if (rule.matches(product) != matchAll) {
                return !matchAll;
            }
        }
        return matchAll;
    }
}
