package io.collections.domain.rule;

import static io.collections.domain.Fixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index must answer exactly what evaluating every rule set directly answers. */
class RuleIndexTest {
    private static final int PRODUCTS = 2_000;
    private static final int RULE_SETS = 500;

    /** A small vocabulary with case variants, a sharp s and a decomposed accent, so that rules do match. */
    private static final String[] WORDS = {"alpha", "Alpha", "ALPHA", "beta", "gamma", "Gamma ray", "straße",
        "STRASSE", "cafe\u0301", "CAF\u00c9", "delta"};
    private static final String[] FRAGMENTS = {"a", "AL", "ph", "ta", "ss", "ß", "\u00e9", "ray", "GAM", "x"};
    private static final String[] PRICES = {"0", "0.00", "10", "10.00", "10.5", "10.50", "12.5", "99.99", "100"};
    private static final String[] RULE_DECIMALS = {"0", "10", "10.0", "10.500", "12.5", "50", "1E+2", "-1"};
    private static final List<RuleType> TYPES = List.of(RuleType.values());

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20240107})
    void indexAgreesWithDirectEvaluation(long seed) {
        Random random = new Random(seed);
        List<RuleSet> ruleSets = new ArrayList<>();
        RuleIndex.Builder<Integer> builder = RuleIndex.builder();
        for (int key = 0; key < RULE_SETS; key++) {
            RuleSet ruleSet = randomRuleSet(random);
            ruleSets.add(ruleSet);
            builder.add(key, ruleSet);
        }
        RuleIndex<Integer> index = builder.build();
        assertThat(index.size()).isEqualTo(RULE_SETS);

        long pairsMatched = 0;
        Set<Integer> everMatched = new HashSet<>();
        Map<Boolean, Integer> matchedByMode = new java.util.HashMap<>();
        for (int p = 0; p < PRODUCTS; p++) {
            ProductDetails product = randomProduct(random);
            Set<Integer> expected = new HashSet<>();
            for (int key = 0; key < RULE_SETS; key++) {
                if (ruleSets.get(key).matches(product)) {
                    expected.add(key);
                    matchedByMode.merge(ruleSets.get(key).matchAll(), 1, Integer::sum);
                }
            }
            List<Integer> actual = index.matching(product);
            assertThat(actual).as("product %s, seed %s", p, seed).doesNotHaveDuplicates();
            assertThat(new HashSet<>(actual)).as("product %s, seed %s", p, seed).isEqualTo(expected);
            assertThat(new HashSet<>(index.matching(product))).as("asked twice").isEqualTo(expected);
            pairsMatched += expected.size();
            everMatched.addAll(expected);
        }
        double fraction = pairsMatched / (double) (PRODUCTS * RULE_SETS);
        assertThat(fraction).as("fraction of (product, rule set) pairs that match").isBetween(0.03, 0.8);
        assertThat(everMatched.size()).as("rule sets that matched some product").isGreaterThan(RULE_SETS / 3);
        assertThat(matchedByMode.getOrDefault(true, 0)).as("ALL matches").isGreaterThan(1_000);
        assertThat(matchedByMode.getOrDefault(false, 0)).as("ANY matches").isGreaterThan(1_000);
    }

    private static RuleSet randomRuleSet(Random random) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return new RuleSet(List.of(), random.nextBoolean());
        }
        int count = 1 + random.nextInt(5);
        List<InclusionRule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!rules.isEmpty() && random.nextInt(8) == 0) {
                rules.add(rules.get(random.nextInt(rules.size())));
                continue;
            }
            rules.add(randomRule(random));
        }
        return new RuleSet(rules, random.nextBoolean());
    }

    private static InclusionRule randomRule(Random random) {
        RuleType type = TYPES.get(random.nextInt(TYPES.size()));
        List<Relation> relations = new ArrayList<>(type.relations());
        // Equality is the common case and the one the index files; give it half of the rules.
        Relation relation = random.nextBoolean() ? Relation.EQUALS : relations.get(random.nextInt(relations.size()));
        String value;
        if (type.kind() == RuleType.Kind.DECIMAL) {
            value = pick(random, RULE_DECIMALS);
        } else if (relation == Relation.EQUALS || relation == Relation.NOT_EQUALS) {
            value = caseVariant(random, pick(random, WORDS));
        } else {
            value = pick(random, FRAGMENTS);
        }
        return InclusionRule.parse(0, type.wireName(), relation == Relation.EQUALS && random.nextInt(4) == 0
                ? null : relation.wireName(), value);
    }

    private static ProductDetails randomProduct(Random random) {
        ProductDetails.Builder builder = details().name(caseVariant(random, pick(random, WORDS)));
        Map<RuleType, String> texts = new EnumMap<>(RuleType.class);
        for (RuleType type : TYPES) {
            if (type.kind() == RuleType.Kind.TEXT && type != RuleType.NAME && random.nextInt(4) != 0) {
                texts.put(type, caseVariant(random, pick(random, WORDS)));
            }
        }
        builder.productType(texts.get(RuleType.PRODUCT_TYPE)).productCategory(texts.get(RuleType.PRODUCT_CATEGORY))
                .productCode(texts.get(RuleType.PRODUCT_CODE)).brand(texts.get(RuleType.BRAND))
                .brandId(texts.get(RuleType.BRAND_ID)).status(texts.get(RuleType.STATUS))
                .modelType(texts.get(RuleType.MODEL_TYPE))
                .productLifecycleStatus(texts.get(RuleType.PRODUCT_LIFECYCLE_STATUS))
                .countryOfOrigin(texts.get(RuleType.COUNTRY_OF_ORIGIN));
        List<String> tags = new ArrayList<>();
        int tagCount = random.nextInt(5);
        for (int i = 0; i < tagCount; i++) {
            String tag = caseVariant(random, pick(random, WORDS));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        builder.tags(tags);
        if (random.nextInt(5) != 0) {
            builder.price(new BigDecimal(pick(random, PRICES)));
        }
        if (random.nextInt(3) != 0) {
            builder.weight(new BigDecimal(pick(random, PRICES)));
        }
        return builder.build();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String caseVariant(Random random, String word) {
        switch (random.nextInt(4)) {
            case 0: return word.toUpperCase(java.util.Locale.ROOT);
            case 1: return word.toLowerCase(java.util.Locale.ROOT);
            default: return word;
        }
    }

    @Test
    void emptyIndexMatchesNothing() {
        RuleIndex<String> index = RuleIndex.<String>builder().build();
        assertThat(index.size()).isZero();
        assertThat(index.matching(details().build())).isEmpty();
    }

    @Test
    void handlesTheCornersByHand() {
        InclusionRule acme = InclusionRule.of("brand", null, "Acme");
        InclusionRule price10 = InclusionRule.of("price", null, "10");
        InclusionRule price1000 = InclusionRule.of("price", null, "10.00");
        InclusionRule saleTag = InclusionRule.of("tag", null, "SALE");
        InclusionRule notSale = InclusionRule.of("tag", "not_equals", "sale");
        InclusionRule nameHasX = InclusionRule.of("name", "contains", "x");
        RuleIndex<String> index = RuleIndex.<String>builder()
                .add("empty-all", new RuleSet(List.of(), true))
                .add("empty-any", new RuleSet(List.of(), false))
                .add("acme-twice", new RuleSet(List.of(acme, acme), true))
                .add("price-two-scales", new RuleSet(List.of(price10, price1000), true))
                .add("sale-and-not-sale", new RuleSet(List.of(saleTag, notSale), true))
                .add("sale-or-not-sale", new RuleSet(List.of(saleTag, notSale), false))
                .add("acme-or-x", new RuleSet(List.of(acme, nameHasX), false))
                .add("x-only", new RuleSet(List.of(nameHasX), true))
                .add("not-sale", new RuleSet(List.of(notSale), true))
                .build();
        ProductDetails product = details().name("Box").brand("ACME").price(new BigDecimal("10.0"))
                .tags(List.of("Sale", "sale", "SALE")).build();
        assertThat(index.matching(product)).containsExactlyInAnyOrder("acme-twice", "price-two-scales",
                "sale-or-not-sale", "acme-or-x", "x-only");
        ProductDetails bare = details().name("Plain").build();
        assertThat(index.matching(bare)).containsExactlyInAnyOrder("sale-or-not-sale", "not-sale");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        Random random = new Random(7);
        RuleIndex.Builder<Integer> builder = RuleIndex.builder();
        List<RuleSet> ruleSets = new ArrayList<>();
        for (int key = 0; key < 200; key++) {
            RuleSet ruleSet = randomRuleSet(random);
            ruleSets.add(ruleSet);
            builder.add(key, ruleSet);
        }
        RuleIndex<Integer> index = builder.build();
        List<ProductDetails> products = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            products.add(randomProduct(random));
        }
        Runnable check = () -> {
            for (int round = 0; round < 5; round++) {
                for (ProductDetails product : products) {
                    Set<Integer> expected = new HashSet<>();
                    for (int key = 0; key < ruleSets.size(); key++) {
                        if (ruleSets.get(key).matches(product)) {
                            expected.add(key);
                        }
                    }
                    assertThat(new HashSet<>(index.matching(product))).isEqualTo(expected);
                }
            }
        };
        var executor = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 4; t++) {
                futures.add(executor.submit(check));
            }
            for (var future : futures) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
