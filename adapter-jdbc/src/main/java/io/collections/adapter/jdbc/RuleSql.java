package io.collections.adapter.jdbc;

import io.collections.domain.rule.DecimalRule;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.Relation;
import io.collections.domain.rule.RuleSet;
import io.collections.domain.rule.RuleType;
import io.collections.domain.rule.TagRule;
import io.collections.domain.rule.TextRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule set as a SQL condition over {@code products p}, true exactly when {@link RuleSet#matches} is. Text
 * compares the folded columns (folded in Java, as the domain does); every rule yields TRUE or FALSE, never NULL,
 * so a missing attribute matches only {@code not_equals} and {@code not_contains}.
 */
record RuleSql(String condition, Map<String, Object> bindings) {
    /** Products store at most 15 integer and 6 fraction digits, so every stored value is below this. */
    private static final BigDecimal STORED_LIMIT = new BigDecimal("1000000000000000");
    private static final int STORED_SCALE = 6;
    private static final Map<RuleType, String> TEXT_COLUMNS = new EnumMap<>(RuleType.class);

    static {
        TEXT_COLUMNS.put(RuleType.PRODUCT_TYPE, "p.folded_product_type");
        TEXT_COLUMNS.put(RuleType.PRODUCT_CATEGORY, "p.folded_product_category");
        TEXT_COLUMNS.put(RuleType.PRODUCT_CODE, "p.folded_product_code");
        TEXT_COLUMNS.put(RuleType.NAME, "p.folded_name");
        TEXT_COLUMNS.put(RuleType.BRAND, "p.folded_brand");
        TEXT_COLUMNS.put(RuleType.BRAND_ID, "p.folded_brand_id");
        TEXT_COLUMNS.put(RuleType.STATUS, "p.folded_status");
        TEXT_COLUMNS.put(RuleType.MODEL_TYPE, "p.folded_model_type");
        TEXT_COLUMNS.put(RuleType.PRODUCT_LIFECYCLE_STATUS, "p.folded_product_lifecycle_status");
        TEXT_COLUMNS.put(RuleType.COUNTRY_OF_ORIGIN, "p.folded_country_of_origin");
    }

    static RuleSql of(RuleSet ruleSet) {
        if (ruleSet.isEmpty()) {
            return new RuleSql("1 = 0", Map.of());
        }
        Map<String, Object> bindings = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (InclusionRule rule : ruleSet.rules()) {
            String name = "rule" + bindings.size();
            conditions.add(condition(rule, name, bindings));
        }
        String joined = String.join(ruleSet.matchAll() ? " AND " : " OR ", conditions);
        return new RuleSql("(" + joined + ")", bindings);
    }

    /** A LIKE pattern that takes the text literally; '!' escapes, as JDBI's parser treats a backslash specially. */
    static String likeLiteral(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                escaped.append('!');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String condition(InclusionRule rule, String name, Map<String, Object> bindings) {
        if (rule instanceof TextRule text) {
            return textCondition(TEXT_COLUMNS.get(text.type()), text.relation(), text.foldedValue(), name, bindings);
        }
        if (rule instanceof TagRule tag) {
            return tagCondition(tag, name, bindings);
        }
        return decimalCondition((DecimalRule) rule, name, bindings);
    }

    private static String textCondition(String column, Relation relation, String folded, String name,
            Map<String, Object> bindings) {
        switch (relation) {
            case EQUALS:
                bindings.put(name, folded);
                return "(" + column + " IS NOT NULL AND " + column + " = :" + name + ")";
            case NOT_EQUALS:
                bindings.put(name, folded);
                return "(" + column + " IS NULL OR " + column + " <> :" + name + ")";
            case NOT_CONTAINS:
                bindings.put(name, "%" + likeLiteral(folded) + "%");
                return "(" + column + " IS NULL OR " + column + " NOT LIKE :" + name + " ESCAPE '!')";
            default:
                bindings.put(name, pattern(relation, folded));
                return "(" + column + " IS NOT NULL AND " + column + " LIKE :" + name + " ESCAPE '!')";
        }
    }

    private static String pattern(Relation relation, String folded) {
        String literal = likeLiteral(folded);
        switch (relation) {
            case CONTAINS:
            case NOT_CONTAINS:
                return "%" + literal + "%";
            case STARTS_WITH:
                return literal + "%";
            case ENDS_WITH:
                return "%" + literal;
            default:
                throw new IllegalStateException("not a pattern relation: " + relation);
        }
    }

    private static String tagCondition(TagRule rule, String name, Map<String, Object> bindings) {
        String tags = "SELECT 1 FROM product_tags t WHERE t.product_id = p.id AND t.folded_tag ";
        switch (rule.relation()) {
            case EQUALS:
                bindings.put(name, rule.foldedValue());
                return "EXISTS (" + tags + "= :" + name + ")";
            case NOT_EQUALS:
                bindings.put(name, rule.foldedValue());
                return "NOT EXISTS (" + tags + "= :" + name + ")";
            case NOT_CONTAINS:
                bindings.put(name, pattern(Relation.CONTAINS, rule.foldedValue()));
                return "NOT EXISTS (" + tags + "LIKE :" + name + " ESCAPE '!')";
            default:
                bindings.put(name, pattern(rule.relation(), rule.foldedValue()));
                return "EXISTS (" + tags + "LIKE :" + name + " ESCAPE '!')";
        }
    }

    /**
     * Rule values may have any scale and size, stored values have at most 6 fraction digits and lie in
     * [0, 10^15); the value is moved onto that grid so the database never sees a number its column type cannot
     * hold, and the answer stays exact.
     */
    private static String decimalCondition(DecimalRule rule, String name, Map<String, Object> bindings) {
        String column = rule.type() == RuleType.PRICE ? "p.price" : "p.weight";
        BigDecimal value = rule.decimal();
        boolean storable = value.signum() >= 0 && value.compareTo(STORED_LIMIT) < 0
                && value.stripTrailingZeros().scale() <= STORED_SCALE;
        switch (rule.relation()) {
            case EQUALS:
                if (!storable) {
                    return "1 = 0";
                }
                bindings.put(name, value.setScale(STORED_SCALE, RoundingMode.UNNECESSARY));
                return "(" + column + " IS NOT NULL AND " + column + " = :" + name + ")";
            case NOT_EQUALS:
                if (!storable) {
                    return "1 = 1";
                }
                bindings.put(name, value.setScale(STORED_SCALE, RoundingMode.UNNECESSARY));
                return "(" + column + " IS NULL OR " + column + " <> :" + name + ")";
            case GREATER_THAN: {
                // x > v exactly when x > floor(v) on the 6-digit grid, as x itself lies on that grid.
                BigDecimal bound = value.setScale(STORED_SCALE, RoundingMode.FLOOR);
                if (bound.compareTo(STORED_LIMIT) >= 0) {
                    return "1 = 0";
                }
                bindings.put(name, bound.signum() < 0 ? BigDecimal.ONE.negate().setScale(STORED_SCALE) : bound);
                return "(" + column + " IS NOT NULL AND " + column + " > :" + name + ")";
            }
            case LESS_THAN: {
                BigDecimal bound = value.setScale(STORED_SCALE, RoundingMode.CEILING);
                if (bound.signum() <= 0) {
                    return "1 = 0";
                }
                bindings.put(name, bound.min(STORED_LIMIT).setScale(STORED_SCALE));
                return "(" + column + " IS NOT NULL AND " + column + " < :" + name + ")";
            }
            default:
                throw new IllegalStateException("not a decimal relation: " + rule.relation());
        }
    }
}
