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
 * matching ALL counts its equality hits, one matching ANY needs one hit. The other rules are deduplicated and
 * each distinct one is evaluated at most once per product; a rule set without equality rules is reached through
 * the rules that can make it match (one of them for ALL, every one for ANY), and price and weight thresholds are
 * found by binary search. The answer is always exactly what {@link RuleSet#matches} says.
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
    /** The distinct non-equality rules; rule sets refer to them by position. */
    private final InclusionRule[] residualRules;
    /** For rule set {@code o}, its residual rule ids are {@code residualIds[residualStart[o] .. residualStart[o+1]]}. */
    private final int[] residualStart;
    private final int[] residualIds;
    /** For each residual rule id, the rule sets that become candidates when the rule matches. */
    private final int[][] triggers;
    /** Residual rules with triggers that are evaluated one by one. */
    private final int[] evaluatedTriggers;
    /** Residual greater_than and less_than rules with triggers, sorted by threshold, per decimal type. */
    private final Map<RuleType, Thresholds> greaterThan;
    private final Map<RuleType, Thresholds> lessThan;
    private final Map<RuleType, Map<String, int[]>> postings;
    private final ThreadLocal<Scratch> scratch;

    private RuleIndex(Builder<K> builder) {
        int size = builder.keys.size();
        List<RuleSet> given = builder.ruleSets;

        // Pass 1: find the distinct residual rules and, per rule set, its residual rules and its triggers.
        Map<ResidualKey, Integer> residualIdByKey = new HashMap<>();
        List<InclusionRule> distinct = new ArrayList<>();
        int[][] residualsOf = new int[size][];
        int[][] triggersOf = new int[size][];
        String[] firstEqualityOf = new String[size];
        RuleType[] firstEqualityTypeOf = new RuleType[size];
        for (int index = 0; index < size; index++) {
            RuleSet ruleSet = given.get(index);
            IntList residuals = new IntList();
            int anchor = -1;
            for (InclusionRule rule : ruleSet.rules()) {
                String key = indexKey(rule);
                if (key != null) {
                    if (firstEqualityOf[index] == null) {
                        firstEqualityOf[index] = key;
                        firstEqualityTypeOf[index] = rule.type();
                    }
                    continue;
                }
                ResidualKey residualKey = ResidualKey.of(rule);
                Integer id = residualIdByKey.get(residualKey);
                if (id == null) {
                    id = distinct.size();
                    residualIdByKey.put(residualKey, id);
                    distinct.add(rule);
                }
                residuals.add(id);
                if (anchor < 0 || selectivityRank(rule) < selectivityRank(distinct.get(anchor))) {
                    anchor = id;
                }
            }
            residualsOf[index] = residuals.toArray();
            if (!ruleSet.matchAll()) {
                triggersOf[index] = residualsOf[index];
            } else if (firstEqualityOf[index] == null && anchor >= 0) {
                triggersOf[index] = new int[] {anchor};
            } else {
                triggersOf[index] = NO_POSTINGS;
            }
        }
        this.residualRules = distinct.toArray(new InclusionRule[0]);

        // Number the rule sets so that those reached through the same rule, or through neighbouring thresholds,
        // or filed under the same first equality value, sit next to each other: matching then walks memory
        // mostly in order instead of jumping about.
        int[] ruleRank = ruleRanks(residualRules);
        Map<RuleType, Map<String, Integer>> equalityClusters = new EnumMap<>(RuleType.class);
        int[] clusterCount = {0};
        long[] sortKeys = new long[size];
        for (int index = 0; index < size; index++) {
            long group;
            long within;
            if (triggersOf[index].length > 0) {
                group = 0;
                within = Integer.MAX_VALUE;
                for (int id : triggersOf[index]) {
                    within = Math.min(within, ruleRank[id]);
                }
            } else if (firstEqualityOf[index] != null) {
                group = 1;
                within = equalityClusters.computeIfAbsent(firstEqualityTypeOf[index], t -> new HashMap<>())
                        .computeIfAbsent(firstEqualityOf[index], k -> clusterCount[0]++);
            } else {
                group = 2;
                within = 0;
            }
            // group in bits 61-62, rank or cluster (below 2^29) in bits 32-60, the given position below.
            sortKeys[index] = group << 61 | within << 32 | index;
        }
        Arrays.sort(sortKeys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) sortKeys[i];
        }

        // Pass 2: lay everything out by the new numbers (ordinals).
        List<K> orderedKeys = new ArrayList<>(size);
        this.matchAll = new boolean[size];
        this.requiredHits = new int[size];
        this.residualStart = new int[size + 1];
        Map<RuleType, Map<String, IntList>> growing = new EnumMap<>(RuleType.class);
        List<IntList> growingTriggers = new ArrayList<>(residualRules.length);
        for (int id = 0; id < residualRules.length; id++) {
            growingTriggers.add(new IntList());
        }
        IntList flatResidual = new IntList();
        for (int ordinal = 0; ordinal < size; ordinal++) {
            int index = order[ordinal];
            RuleSet ruleSet = given.get(index);
            orderedKeys.add(builder.keys.get(index));
            matchAll[ordinal] = ruleSet.matchAll();
            residualStart[ordinal] = flatResidual.size;
            int indexed = 0;
            for (InclusionRule rule : ruleSet.rules()) {
                String key = indexKey(rule);
                if (key != null) {
                    growing.computeIfAbsent(rule.type(), t -> new HashMap<>())
                            .computeIfAbsent(key, k -> new IntList()).add(ordinal);
                    indexed++;
                }
            }
            for (int id : residualsOf[index]) {
                flatResidual.add(id);
            }
            for (int id : triggersOf[index]) {
                growingTriggers.get(id).add(ordinal);
            }
            requiredHits[ordinal] = indexed;
        }
        residualStart[size] = flatResidual.size;
        this.keys = List.copyOf(orderedKeys);
        this.residualIds = flatResidual.toArray();
        this.triggers = new int[residualRules.length][];
        IntList evaluated = new IntList();
        Map<RuleType, List<Integer>> greater = new EnumMap<>(RuleType.class);
        Map<RuleType, List<Integer>> less = new EnumMap<>(RuleType.class);
        for (int id = 0; id < residualRules.length; id++) {
            triggers[id] = growingTriggers.get(id).toArray();
            if (triggers[id].length == 0) {
                continue;
            }
            InclusionRule rule = residualRules[id];
            if (rule.relation() == Relation.GREATER_THAN) {
                greater.computeIfAbsent(rule.type(), t -> new ArrayList<>()).add(id);
            } else if (rule.relation() == Relation.LESS_THAN) {
                less.computeIfAbsent(rule.type(), t -> new ArrayList<>()).add(id);
            } else {
                evaluated.add(id);
            }
        }
        this.evaluatedTriggers = evaluated.toArray();
        this.greaterThan = thresholds(greater, residualRules);
        this.lessThan = thresholds(less, residualRules);
        Map<RuleType, Map<String, int[]>> frozen = new EnumMap<>(RuleType.class);
        growing.forEach((type, byValue) -> {
            Map<String, int[]> arrays = new HashMap<>(byValue.size() * 4 / 3 + 1);
            byValue.forEach((value, list) -> arrays.put(value, list.toArray()));
            frozen.put(type, arrays);
        });
        this.postings = frozen;
        int distinctCount = residualRules.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(size, distinctCount));
    }

    /** Ranks residual rules: thresholds by type, relation and value, so neighbouring thresholds rank together. */
    private static int[] ruleRanks(InclusionRule[] rules) {
        Integer[] ids = new Integer[rules.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        Arrays.sort(ids, (a, b) -> {
            InclusionRule x = rules[a];
            InclusionRule y = rules[b];
            boolean xThreshold = x instanceof DecimalRule;
            boolean yThreshold = y instanceof DecimalRule;
            if (xThreshold != yThreshold) {
                return xThreshold ? -1 : 1;
            }
            if (!xThreshold) {
                return Integer.compare(a, b);
            }
            int byType = x.type().compareTo(y.type());
            if (byType != 0) {
                return byType;
            }
            int byRelation = x.relation().compareTo(y.relation());
            if (byRelation != 0) {
                return byRelation;
            }
            return ((DecimalRule) x).decimal().compareTo(((DecimalRule) y).decimal());
        });
        int[] rank = new int[rules.length];
        for (int position = 0; position < ids.length; position++) {
            rank[ids[position]] = position;
        }
        return rank;
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
        int epoch = work.nextEpoch();
        int[] hits = work.hits;
        IntList touched = work.touched;
        touched.clear();
        try {
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
            List<K> result = new ArrayList<>(work.lastResultSize + 16);
            int[] seen = work.seen;
            for (int i = 0; i < touched.size; i++) {
                int ordinal = touched.values[i];
                seen[ordinal] = epoch;
                if (!matchAll[ordinal]
                        || hits[ordinal] == requiredHits[ordinal] && residualsMatch(ordinal, product, work, epoch)) {
                    result.add(keys.get(ordinal));
                }
            }
            for (int id : evaluatedTriggers) {
                if (residualMatches(id, product, work, epoch)) {
                    fire(id, product, work, epoch, result);
                }
            }
            fireThresholds(greaterThan, true, product, work, epoch, result);
            fireThresholds(lessThan, false, product, work, epoch, result);
            work.lastResultSize = result.size();
            return result;
        } finally {
            for (int i = 0; i < touched.size; i++) {
                hits[touched.values[i]] = 0;
            }
        }
    }

    private void fireThresholds(Map<RuleType, Thresholds> byType, boolean greater, ProductDetails product,
            Scratch work, int epoch, List<K> result) {
        for (Map.Entry<RuleType, Thresholds> entry : byType.entrySet()) {
            BigDecimal value = entry.getKey().decimalOf(product);
            if (value == null) {
                continue;
            }
            Thresholds thresholds = entry.getValue();
            int from;
            int to;
            if (greater) {
                from = 0;
                to = thresholds.firstNotBelow(value);
            } else {
                from = thresholds.firstAbove(value);
                to = thresholds.ruleIds.length;
            }
            for (int i = from; i < to; i++) {
                int id = thresholds.ruleIds[i];
                work.memoEpoch[id] = epoch;
                work.memoValue[id] = true;
                fire(id, product, work, epoch, result);
            }
        }
    }

    /** The rule matched: each rule set it triggers is a candidate, decided once per product. */
    private void fire(int id, ProductDetails product, Scratch work, int epoch, List<K> result) {
        int[] seen = work.seen;
        for (int ordinal : triggers[id]) {
            if (seen[ordinal] == epoch) {
                continue;
            }
            seen[ordinal] = epoch;
            if (!matchAll[ordinal] || residualsMatch(ordinal, product, work, epoch)) {
                result.add(keys.get(ordinal));
            }
        }
    }

    private boolean residualsMatch(int ordinal, ProductDetails product, Scratch work, int epoch) {
        for (int i = residualStart[ordinal], end = residualStart[ordinal + 1]; i < end; i++) {
            if (!residualMatches(residualIds[i], product, work, epoch)) {
                return false;
            }
        }
        return true;
    }

    private boolean residualMatches(int id, ProductDetails product, Scratch work, int epoch) {
        if (work.memoEpoch[id] == epoch) {
            return work.memoValue[id];
        }
        boolean matched = RuleSet.matches(residualRules[id], product);
        work.memoEpoch[id] = epoch;
        work.memoValue[id] = matched;
        return matched;
    }

    private static void count(int[] ordinals, int[] hits, IntList touched) {
        for (int ordinal : ordinals) {
            if (hits[ordinal]++ == 0) {
                touched.add(ordinal);
            }
        }
    }

    /** The key an equality rule is filed under, or null for a rule that must be evaluated. */
    private static String indexKey(InclusionRule rule) {
        if (rule.relation() != Relation.EQUALS) {
            return null;
        }
        return valueKey(rule);
    }

    /** The rule's value as it compares: folded text, or the decimal without trailing zeros. */
    private static String valueKey(InclusionRule rule) {
        if (rule instanceof TextRule text) {
            return text.foldedValue();
        }
        if (rule instanceof TagRule tag) {
            return tag.foldedValue();
        }
        return ((DecimalRule) rule).normalizedValue();
    }

    /** Lower means the rule is expected to match fewer products, and so makes a better anchor for ALL. */
    private static int selectivityRank(InclusionRule rule) {
        switch (rule.relation()) {
            case STARTS_WITH:
            case ENDS_WITH:
            case CONTAINS:
                return 0;
            case GREATER_THAN:
            case LESS_THAN:
                return 1;
            default:
                return 2;
        }
    }

    private static String productKey(RuleType type, ProductDetails product) {
        if (type.kind() == RuleType.Kind.TEXT) {
            return type.foldedTextOf(product);
        }
        BigDecimal decimal = type.decimalOf(product);
        return decimal == null ? null : DecimalRule.normalize(decimal);
    }

    private static Map<RuleType, Thresholds> thresholds(Map<RuleType, List<Integer>> idsByType,
            InclusionRule[] rules) {
        Map<RuleType, Thresholds> result = new EnumMap<>(RuleType.class);
        idsByType.forEach((type, ids) -> {
            ids.sort((a, b) -> ((DecimalRule) rules[a]).decimal().compareTo(((DecimalRule) rules[b]).decimal()));
            BigDecimal[] values = new BigDecimal[ids.size()];
            int[] ruleIds = new int[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                ruleIds[i] = ids.get(i);
                values[i] = ((DecimalRule) rules[ruleIds[i]]).decimal();
            }
            result.put(type, new Thresholds(values, ruleIds));
        });
        return result;
    }

    /** Distinct thresholds in ascending order, with the residual rule each belongs to. */
    private static final class Thresholds {
        final BigDecimal[] values;
        final int[] ruleIds;

        Thresholds(BigDecimal[] values, int[] ruleIds) {
            this.values = values;
            this.ruleIds = ruleIds;
        }

        /** How many thresholds are below {@code value}: those a greater_than rule is met for. */
        int firstNotBelow(BigDecimal value) {
            int low = 0;
            int high = values.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle].compareTo(value) < 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** The first threshold above {@code value}; from there on, a less_than rule is met. */
        int firstAbove(BigDecimal value) {
            int low = 0;
            int high = values.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle].compareTo(value) <= 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /** Rules that compare alike: same type, relation and compared value. */
    private record ResidualKey(RuleType type, Relation relation, String value) {
        static ResidualKey of(InclusionRule rule) {
            return new ResidualKey(rule.type(), rule.relation(), valueKey(rule));
        }
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

    /**
     * Per-thread working memory. Equality hits are counted and reset after each call; "seen" and the memo of
     * residual results are stamped with a per-call epoch instead, so they need no reset.
     */
    private static final class Scratch {
        final int[] hits;
        final int[] seen;
        final int[] memoEpoch;
        final boolean[] memoValue;
        final IntList touched = new IntList();
        int epoch;
        /** Sizes the next answer's list; answers for one index tend to be alike in size. */
        int lastResultSize;

        Scratch(int size, int residualCount) {
            this.hits = new int[size];
            this.seen = new int[size];
            this.memoEpoch = new int[residualCount];
            this.memoValue = new boolean[residualCount];
        }

        int nextEpoch() {
            if (epoch == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                Arrays.fill(memoEpoch, 0);
                epoch = 0;
            }
            return ++epoch;
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
