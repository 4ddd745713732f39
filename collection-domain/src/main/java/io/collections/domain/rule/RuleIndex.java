package io.collections.domain.rule;

import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers "which collections does this product belong to by rule?" for many rule sets at once, without
 * evaluating every rule set. Equality rules go into an inverted index (attribute value to rule sets); a rule set
 * matching ALL counts its equality hits, one matching ANY needs one hit; the other relations are evaluated only
 * for the rule sets that can still match. The answer is always exactly what {@link RuleSet#matches} says.
 *
 * <p>Immutable and safe to share between threads; build a new one when rule sets change.
 *
 * @param <K> what identifies a rule set, such as a collection id
 */
public final class RuleIndex<K> {
    private static final int[] NO_POSTINGS = new int[0];

    private final List<K> keys;
    private final boolean[] matchAll;
    private final int[] requiredHits;
    private final InclusionRule[][] residualRules;
    private final Map<RuleType, Map<String, int[]>> postings;
    private final int[] alwaysEvaluated;
    private final ThreadLocal<Scratch> scratch;

    private RuleIndex(Builder<K> builder) {
        int size = builder.keys.size();
        this.keys = List.copyOf(builder.keys);
        this.matchAll = new boolean[size];
        this.requiredHits = new int[size];
        this.residualRules = new InclusionRule[size][];
        Map<RuleType, Map<String, IntList>> growing = new EnumMap<>(RuleType.class);
        IntList always = new IntList();
        for (int ordinal = 0; ordinal < size; ordinal++) {
            RuleSet ruleSet = builder.ruleSets.get(ordinal);
            matchAll[ordinal] = ruleSet.matchAll();
            List<InclusionRule> residual = new ArrayList<>();
            int indexed = 0;
            for (InclusionRule rule : ruleSet.rules()) {
                String key = indexKey(rule);
                if (key == null) {
                    residual.add(rule);
                } else {
                    growing.computeIfAbsent(rule.type(), t -> new HashMap<>())
                            .computeIfAbsent(key, k -> new IntList()).add(ordinal);
                    indexed++;
                }
            }
            requiredHits[ordinal] = indexed;
            residualRules[ordinal] = residual.toArray(new InclusionRule[0]);
            boolean needsEvaluationWithoutHits = ruleSet.matchAll() ? indexed == 0 : !residual.isEmpty();
            if (needsEvaluationWithoutHits && !ruleSet.isEmpty()) {
                always.add(ordinal);
            }
        }
        Map<RuleType, Map<String, int[]>> frozen = new EnumMap<>(RuleType.class);
        growing.forEach((type, byValue) -> {
            Map<String, int[]> arrays = new HashMap<>(byValue.size() * 4 / 3 + 1);
            byValue.forEach((value, list) -> arrays.put(value, list.toArray()));
            frozen.put(type, arrays);
        });
        this.postings = frozen;
        this.alwaysEvaluated = always.toArray();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(size));
    }

    public static <K> Builder<K> builder() {
        return new Builder<>();
    }

    public int size() {
        return keys.size();
    }

    /** The keys of every rule set that matches the product, in no particular order. */
    public List<K> matching(ProductDetails product) {
        Scratch work = scratch.get();
        int[] hits = work.hits;
        IntList touched = work.touched;
        touched.clear();
        for (Map.Entry<RuleType, Map<String, int[]>> entry : postings.entrySet()) {
            RuleType type = entry.getKey();
            Map<String, int[]> byValue = entry.getValue();
            if (type.kind() == RuleType.Kind.TAGS) {
                for (String tag : product.folded().tags()) {
                    count(byValue.getOrDefault(tag, NO_POSTINGS), hits, touched);
                }
            } else {
                String value = productKey(type, product);
                if (value != null) {
                    count(byValue.getOrDefault(value, NO_POSTINGS), hits, touched);
                }
            }
        }
        List<K> result = new ArrayList<>();
        for (int i = 0; i < touched.size; i++) {
            int ordinal = touched.values[i];
            if (matchAll[ordinal]) {
                if (hits[ordinal] == requiredHits[ordinal] && allMatch(residualRules[ordinal], product)) {
                    result.add(keys.get(ordinal));
                }
            } else {
                result.add(keys.get(ordinal));
            }
        }
        for (int ordinal : alwaysEvaluated) {
            if (hits[ordinal] > 0) {
                continue;
            }
            boolean matched = matchAll[ordinal]
                    ? allMatch(residualRules[ordinal], product)
                    : anyMatch(residualRules[ordinal], product);
            if (matched) {
                result.add(keys.get(ordinal));
            }
        }
        for (int i = 0; i < touched.size; i++) {
            hits[touched.values[i]] = 0;
        }
        return result;
    }

    private static void count(int[] ordinals, int[] hits, IntList touched) {
        for (int ordinal : ordinals) {
            if (hits[ordinal]++ == 0) {
                touched.add(ordinal);
            }
        }
    }

    private static boolean allMatch(InclusionRule[] rules, ProductDetails product) {
        for (InclusionRule rule : rules) {
            if (!rule.matches(product)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatch(InclusionRule[] rules, ProductDetails product) {
        for (InclusionRule rule : rules) {
            if (rule.matches(product)) {
                return true;
            }
        }
        return false;
    }

    /** The key an equality rule is filed under, or null for a rule that must be evaluated. */
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

    private static String productKey(RuleType type, ProductDetails product) {
        if (type.kind() == RuleType.Kind.TEXT) {
            return type.foldedTextOf(product);
        }
        BigDecimal decimal = type.decimalOf(product);
        return decimal == null ? null : DecimalRule.normalize(decimal);
    }

    /** Collects rule sets by key; keys must be distinct. */
    public static final class Builder<K> {
        private final List<K> keys = new ArrayList<>();
        private final List<RuleSet> ruleSets = new ArrayList<>();

        private Builder() {
        }

        public Builder<K> add(K key, RuleSet ruleSet) {
            keys.add(Objects.requireNonNull(key, "key"));
            ruleSets.add(Objects.requireNonNull(ruleSet, "ruleSet"));
            return this;
        }

        public RuleIndex<K> build() {
            return new RuleIndex<>(this);
        }
    }

    private static final class Scratch {
        final int[] hits;
        final IntList touched = new IntList();

        Scratch(int size) {
            this.hits = new int[size];
        }
    }

    private static final class IntList {
        int[] values = new int[16];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
