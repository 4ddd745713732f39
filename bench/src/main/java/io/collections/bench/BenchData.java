package io.collections.bench;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic catalogs and rule sets for the benchmarks.
 *
 * <p>Vocabularies (sizes chosen to look like a mid-size merchant): 300 product types, 1,000 categories, 5,000
 * brands, 10,000 tags, 200 countries, 5 statuses, 2,000 name words. Values are drawn with a skew towards the
 * first ones ({@code n * r^2}), so popular values have long posting lists, as in real catalogs.
 *
 * <p>Rule sets: 1 to 5 rules (40% one, 25% two, 20% three, 10% four, 5% five); 80% match ALL, 20% ANY. Each
 * rule is with 80% chance an {@code equals} rule over product_type (25%), product_category (20%), brand (25%),
 * tag (25%) or country_of_origin (5%); otherwise (20%) one of: name contains a word fragment, product_code
 * starts_with a prefix, tag contains a fragment, status not_equals, price greater_than, price less_than,
 * weight greater_than, brand ends_with (equally likely).
 *
 * <p>Products: a name of 2 to 4 words, every attribute above set, 0 to 8 tags, a price from 0.50 to 2,000.00
 * with two decimals, a weight in 90% of products.
 */
final class BenchData {
    static final String[] TYPES = vocabulary("Type", 300);
    static final String[] CATEGORIES = vocabulary("Category", 1_000);
    static final String[] BRANDS = vocabulary("Brand", 5_000);
    static final String[] TAGS = vocabulary("tag", 10_000);
    static final String[] COUNTRIES = vocabulary("C", 200);
    static final String[] STATUSES = {"active", "draft", "archived", "ACTIVE", "Pending"};
    static final String[] WORDS = words(2_000);
    private static final String[] FRAGMENTS = fragments();

    private BenchData() {
    }

    private static String[] vocabulary(String prefix, int size) {
        String[] values = new String[size];
        for (int i = 0; i < size; i++) {
            values[i] = prefix + " " + i;
        }
        return values;
    }

    private static String[] words(int size) {
        Random random = new Random(11);
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            int length = 3 + random.nextInt(7);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = random.nextInt(3) == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1)
                    : word.toString();
        }
        return words;
    }

    private static String[] fragments() {
        String[] fragments = new String[500];
        for (int i = 0; i < fragments.length; i++) {
            String word = WORDS[i * 3];
            fragments[i] = word.substring(0, Math.min(3, word.length()));
        }
        return fragments;
    }

    static String skewed(Random random, String[] values) {
        double r = random.nextDouble();
        return values[(int) (values.length * r * r)];
    }

    static String uniform(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static ProductDetails product(Random random) {
        int words = 2 + random.nextInt(3);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                name.append(' ');
            }
            name.append(uniform(random, WORDS));
        }
        List<String> tags = new ArrayList<>();
        int tagCount = random.nextInt(9);
        for (int i = 0; i < tagCount; i++) {
            tags.add(skewed(random, TAGS));
        }
        return ProductDetails.builder()
                .name(name.toString())
                .productType(skewed(random, TYPES))
                .productCategory(skewed(random, CATEGORIES))
                .brand(skewed(random, BRANDS))
                .countryOfOrigin(skewed(random, COUNTRIES))
                .status(uniform(random, STATUSES))
                .productCode("SKU-" + random.nextInt(1_000_000))
                .tags(tags)
                .price(BigDecimal.valueOf(50 + random.nextInt(200_000 - 50), 2))
                .weight(random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(50_000), 3))
                .currency("USD")
                .build();
    }

    static List<ProductDetails> products(long seed, int count, boolean fold) {
        Random random = new Random(seed);
        List<ProductDetails> products = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ProductDetails product = product(random);
            if (fold) {
                product.folded();
            }
            products.add(product);
        }
        return products;
    }

    static RuleSet ruleSet(Random random) {
        int roll = random.nextInt(100);
        int count = roll < 40 ? 1 : roll < 65 ? 2 : roll < 85 ? 3 : roll < 95 ? 4 : 5;
        List<InclusionRule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rules.add(random.nextInt(100) < 80 ? equalsRule(random) : otherRule(random));
        }
        return new RuleSet(rules, random.nextInt(100) < 80);
    }

    private static InclusionRule equalsRule(Random random) {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return InclusionRule.of("product_type", "equals", skewed(random, TYPES));
        } else if (roll < 45) {
            return InclusionRule.of("product_category", null, skewed(random, CATEGORIES));
        } else if (roll < 70) {
            return InclusionRule.of("brand", "equals", skewed(random, BRANDS));
        } else if (roll < 95) {
            return InclusionRule.of("tag", "equals", skewed(random, TAGS));
        }
        return InclusionRule.of("country_of_origin", "equals", skewed(random, COUNTRIES));
    }

    private static InclusionRule otherRule(Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return InclusionRule.of("name", "contains", uniform(random, FRAGMENTS));
            case 1:
                return InclusionRule.of("product_code", "starts_with", "SKU-" + random.nextInt(1_000));
            case 2:
                return InclusionRule.of("tag", "contains", "tag " + random.nextInt(100));
            case 3:
                return InclusionRule.of("status", "not_equals", uniform(random, STATUSES));
            case 4:
                return InclusionRule.of("price", "greater_than", Integer.toString(random.nextInt(2_000)));
            case 5:
                return InclusionRule.of("price", "less_than", random.nextInt(2_000) + ".99");
            case 6:
                return InclusionRule.of("weight", "greater_than", Integer.toString(random.nextInt(50)));
            default:
                return InclusionRule.of("brand", "ends_with", Integer.toString(random.nextInt(100)));
        }
    }

    static List<RuleSet> ruleSets(long seed, int count) {
        Random random = new Random(seed);
        List<RuleSet> ruleSets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ruleSets.add(ruleSet(random));
        }
        return ruleSets;
    }
}
