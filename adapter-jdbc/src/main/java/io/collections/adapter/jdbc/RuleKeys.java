package io.collections.adapter.jdbc;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.DecimalRule;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.Relation;
import io.collections.domain.rule.RuleSet;
import io.collections.domain.rule.RuleType;
import io.collections.domain.rule.TagRule;
import io.collections.domain.rule.TextRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of {@code collection_rule_keys}: a collection files each equality rule under (type, folded value), and
 * a product looks itself up under each of its own (type, value) pairs. The same keys as the domain's RuleIndex.
 */
public record RuleKeys(String ruleType, String foldedValue) {

    /** The equality rules of a rule set as keys. */
    static Set<RuleKeys> of(RuleSet ruleSet) {
        Set<RuleKeys> keys = new LinkedHashSet<>();
        for (InclusionRule rule : ruleSet.rules()) {
            String key = indexKey(rule);
            if (key != null) {
                keys.add(new RuleKeys(rule.type().wireName(), key));
            }
        }
        return keys;
    }

    /**
     * Whether a product can match without any of its keys hitting: ALL without an equality rule, or ANY with a
     * rule that is not an equality.
     */
    static boolean mustAlwaysEvaluate(RuleSet ruleSet) {
        if (ruleSet.isEmpty()) {
            return false;
        }
        long indexed = ruleSet.rules().stream().filter(rule -> indexKey(rule) != null).count();
        return ruleSet.matchAll() ? indexed == 0 : indexed < ruleSet.rules().size();
    }

    /** Every key a product is filed under. */
    static List<RuleKeys> ofProduct(ProductDetails product) {
        List<RuleKeys> keys = new ArrayList<>();
        for (RuleType type : RuleType.values()) {
            switch (type.kind()) {
                case TEXT -> {
                    String folded = type.foldedTextOf(product);
                    if (folded != null) {
                        keys.add(new RuleKeys(type.wireName(), folded));
                    }
                }
                case TAGS -> product.folded().tags().forEach(tag -> keys.add(new RuleKeys(type.wireName(), tag)));
                default -> {
                    BigDecimal decimal = type.decimalOf(product);
                    if (decimal != null) {
                        keys.add(new RuleKeys(type.wireName(), DecimalRule.normalize(decimal)));
                    }
                }
            }
        }
        return keys;
    }

    private static String indexKey(InclusionRule rule) {
        if (rule.relation() != Relation.EQUALS) {
            return null;
        }
        if (rule instanceof TextRule text) {
            return text.foldedValue();
        }
        if (rule instanceof TagRule tag) {
            return tag.foldedValue();
        }
        return ((DecimalRule) rule).normalizedValue();
    }
}
