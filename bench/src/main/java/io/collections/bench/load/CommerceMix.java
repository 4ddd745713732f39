package io.collections.bench.load;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A merchant-like catalog for the add-product scenario: 300 product types, 1,000 categories, 5,000 brands and
 * 10,000 tags, and collections the way stores build them (a brand, a tag, a category, a few tags, a type under a
 * price, a price band). Each collection and product exists both as request JSON and as the domain value, so the
 * scenario can compute exactly which collections a product must join and check the server's counts.
 */
final class CommerceMix {
    static final int TYPES = 300;
    static final int CATEGORIES = 1_000;
    static final int BRANDS = 5_000;
    static final int TAGS = 10_000;

    /** One collection's rules, as JSON for the API and as the rule set it means. */
    record Collection(String json, RuleSet ruleSet) {
    }

    /** One product, as JSON for the API and as the details it means. */
    record Product(String json, ProductDetails details) {
    }

    private CommerceMix() {
    }

    static Collection collection(Random random, int index) {
        int roll = random.nextInt(1000);
        List<String[]> rules = new ArrayList<>();
        boolean matchAll = true;
        if (roll < 350) {
            rules.add(rule("brand", "equals", "Brand " + random.nextInt(BRANDS)));
            if (random.nextBoolean()) {
                rules.add(rule("price", "greater_than", Integer.toString(random.nextInt(500))));
            }
        } else if (roll < 650) {
            rules.add(rule("tag", "equals", "tag" + random.nextInt(TAGS)));
            if (random.nextInt(10) < 3) {
                rules.add(rule("product_type", "equals", "Type " + random.nextInt(TYPES)));
            }
        } else if (roll < 750) {
            rules.add(rule("product_category", "equals", "Category " + random.nextInt(CATEGORIES)));
        } else if (roll < 900) {
            matchAll = false;
            for (int i = 0; i < 3; i++) {
                rules.add(rule("tag", "equals", "tag" + random.nextInt(TAGS)));
            }
        } else if (roll < 998) {
            rules.add(rule("product_type", "equals", "Type " + random.nextInt(TYPES)));
            rules.add(rule("price", "less_than", Integer.toString(100 + random.nextInt(800))));
        } else {
            int from = random.nextInt(950);
            rules.add(rule("price", "greater_than", Integer.toString(from)));
            rules.add(rule("price", "less_than", Integer.toString(from + 50)));
        }
        StringBuilder json = new StringBuilder("{\"name\":\"Mix " + index + "\",\"match_all_rules\":" + matchAll
                + ",\"product_inclusion_rules\":{\"rules\":[");
        List<InclusionRule> domain = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String[] rule = rules.get(i);
            json.append(i == 0 ? "" : ",").append("{\"type\":\"").append(rule[0]).append("\",\"relation\":\"")
                    .append(rule[1]).append("\",\"value\":\"").append(rule[2]).append("\"}");
            domain.add(InclusionRule.of(rule[0], rule[1], rule[2]));
        }
        return new Collection(json.append("]}}").toString(), new RuleSet(domain, matchAll));
    }

    static Product product(Random random, int index) {
        String type = "Type " + random.nextInt(TYPES);
        String category = "Category " + random.nextInt(CATEGORIES);
        String brand = "Brand " + random.nextInt(BRANDS);
        List<String> tags = List.of("tag" + random.nextInt(TAGS), "tag" + random.nextInt(TAGS),
                "tag" + random.nextInt(TAGS));
        BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
        String json = "{\"name\":\"Mix product " + index + "\",\"product_type\":\"" + type
                + "\",\"product_category\":\"" + category + "\",\"brand\":\"" + brand + "\",\"price\":\""
                + price.toPlainString() + "\",\"tags\":[\"" + String.join("\",\"", tags) + "\"]}";
        ProductDetails details = ProductDetails.builder().name("Mix product " + index).productType(type)
                .productCategory(category).brand(brand).tags(tags).price(price).build();
        return new Product(json, details);
    }

    private static String[] rule(String type, String relation, String value) {
        return new String[] {type, relation, value};
    }
}
