package io.collections.adapter.jdbc.bench;

import io.collections.adapter.jdbc.JdbcAdapters;
import io.collections.adapter.jdbc.JdbcSettings;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.RuleSet;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Measures membership upkeep at scale (not a test; run by hand, see docs/performance.md): (a) replacing a
 * collection's rules over a 1,000,000-product catalog, (b) adding one product to a catalog with 100,000 rule
 * collections. Arguments: {@code h2|postgres [products] [collections] [samples]}; PostgreSQL is the database of
 * {@code COLLECTIONS_TEST_POSTGRES_URL}, in a schema of its own that is dropped at the end.
 */
public final class MembershipBenchmark {
    private static final UserId USER = new UserId("bench");
    private static final int BATCH = 1000;

    private MembershipBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int productCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int collectionCount = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        String baseUrl = System.getenv("COLLECTIONS_TEST_POSTGRES_URL");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
        JdbcSettings settings;
        if (database.equals("postgres")) {
            execute(baseUrl, "CREATE SCHEMA " + schema);
            settings = new JdbcSettings(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    null, null, 4);
        } else {
            Path directory = Files.createTempDirectory("collections-bench");
            settings = new JdbcSettings("jdbc:h2:file:" + directory.resolve("collections")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", null, null, 4);
        }
        System.out.printf("database %s, %,d products, %,d rule collections, %,d samples%n", database, productCount,
                collectionCount, samples);
        try (JdbcAdapters adapters = JdbcAdapters.start(settings)) {
            replaceRulesOverALargeCatalog(adapters, productCount);
            addProductsUnderManyRuleCollections(adapters, collectionCount, samples);
        } finally {
            if (database.equals("postgres")) {
                execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void replaceRulesOverALargeCatalog(JdbcAdapters adapters, int productCount) {
        ClientId client = new ClientId("bench-catalog");
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        long start = System.nanoTime();
        List<ProductDetails> all = new ArrayList<>(productCount);
        for (int first = 0; first < productCount; first += BATCH) {
            List<Product> batch = new ArrayList<>(BATCH);
            for (int i = first; i < Math.min(productCount, first + BATCH); i++) {
                ProductDetails details = catalogProduct(i);
                all.add(details);
                batch.add(Product.create(adapters.ids().nextProductId(), client, details, USER, at.plusMillis(i)));
            }
            adapters.transactions().inTransaction(() -> adapters.catalog().insertAll(batch));
        }
        System.out.printf("(a) loaded %,d products in %.1f s%n", productCount, seconds(start));

        ProductCollection collection = ProductCollection.create(adapters.ids().nextCollectionId(), client, "Bench",
                null, null, RuleSet.NONE, SortOrder.NAME, USER, at);
        adapters.transactions().inTransaction(() -> adapters.collections().insert(collection));
        List<RuleSet> ruleSets = List.of(
                rules(true, "product_type", "equals", "type-42"),
                rules(false, "brand", "equals", "Brand-7", "tag", "equals", "TAG-11"),
                rules(true, "price", "greater_than", "900"),
                rules(true, "price", "greater_than", "500", "product_category", "not_equals", "category-3"),
                rules(true, "name", "contains", "99"),
                rules(true, "product_type", "equals", "type-43"));
        ProductCollection current = collection;
        for (RuleSet ruleSet : ruleSets) {
            ProductCollection before = current;
            ProductCollection changed = before.replaceRules(ruleSet, USER, at);
            long began = System.nanoTime();
            adapters.transactions().inTransaction(() -> {
                adapters.collections().update(changed, before.version());
                adapters.collections().refreshRuleMatches(changed);
            });
            double elapsed = seconds(began);
            current = adapters.collections().find(client, collection.id()).orElseThrow();
            long expected = all.stream().filter(ruleSet::matches).count();
            System.out.printf("(a) replace rules with %-90s %6.3f s, product_count %,d (RuleSet.matches: %,d) %s%n",
                    describe(ruleSet), elapsed, current.productCount(), expected,
                    current.productCount() == expected ? "exact" : "WRONG");
        }
    }

    private static void addProductsUnderManyRuleCollections(JdbcAdapters adapters, int collectionCount,
            int samples) {
        ClientId client = new ClientId("bench-rules");
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        Random random = new Random(42);
        long start = System.nanoTime();
        for (int first = 0; first < collectionCount; first += BATCH) {
            List<ProductCollection> batch = new ArrayList<>(BATCH);
            for (int i = first; i < Math.min(collectionCount, first + BATCH); i++) {
                batch.add(ProductCollection.create(adapters.ids().nextCollectionId(), client, "Rules " + i, null,
                        null, randomRules(random, i), SortOrder.MANUAL, USER, at));
            }
            adapters.transactions().inTransaction(() -> batch.forEach(adapters.collections()::insert));
        }
        System.out.printf("(b) created %,d rule collections in %.1f s%n", collectionCount, seconds(start));

        int warmUp = Math.max(100, samples / 4);
        long[] nanos = new long[samples];
        for (int i = -warmUp; i < samples; i++) {
            Product product = Product.create(adapters.ids().nextProductId(), client, catalogProduct(random.nextInt(
                    1_000_000)), USER, at);
            long began = System.nanoTime();
            adapters.transactions().inTransaction(() -> {
                adapters.catalog().insert(product);
                adapters.collections().refreshMemberships(client, List.of(product));
            });
            if (i >= 0) {
                nanos[i] = System.nanoTime() - began;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("(b) add one product (insert + refreshMemberships, one transaction), %,d samples after"
                + " %,d warm-up: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", samples, warmUp,
                millis(nanos, 0.50), millis(nanos, 0.90), millis(nanos, 0.99), nanos[samples - 1] / 1e6);
    }

    /** A catalog product: 1,000 product types, 500 brands, 200 categories, 5,000 tags, prices 0 to 1,000. */
    static ProductDetails catalogProduct(int i) {
        Random random = new Random(i);
        return ProductDetails.builder()
                .name("Product " + i)
                .productType("Type-" + random.nextInt(1000))
                .brand("brand-" + random.nextInt(500))
                .productCategory("Category-" + random.nextInt(200))
                .productCode("PC-" + i)
                .tags(List.of("tag-" + random.nextInt(5000), "tag-" + random.nextInt(5000)))
                .price(BigDecimal.valueOf(random.nextInt(100_000), 2))
                .build();
    }

    /**
     * Mostly equality rules, as merchants write them: ALL sets start with one equality and may add a price or
     * name condition; ANY sets hold equalities only; one collection in a thousand has price conditions alone and
     * must be evaluated for every product.
     */
    private static RuleSet randomRules(Random random, int i) {
        if (i % 1000 == 0) {
            return rules(true, "price", "greater_than", Integer.toString(random.nextInt(1000)));
        }
        boolean matchAll = random.nextInt(5) > 0;
        List<InclusionRule> rules = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        rules.add(randomEquality(random));
        while (rules.size() < count) {
            if (matchAll && random.nextBoolean()) {
                rules.add(random.nextBoolean()
                        ? InclusionRule.of("price", random.nextBoolean() ? "greater_than" : "less_than",
                                Integer.toString(random.nextInt(1000)))
                        : InclusionRule.of("name", "contains", Integer.toString(random.nextInt(100))));
            } else {
                rules.add(randomEquality(random));
            }
        }
        return new RuleSet(rules, matchAll);
    }

    private static InclusionRule randomEquality(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return InclusionRule.of("product_type", null, "type-" + random.nextInt(1000));
            case 1:
                return InclusionRule.of("brand", null, "BRAND-" + random.nextInt(500));
            case 2:
                return InclusionRule.of("tag", null, "tag-" + random.nextInt(5000));
            default:
                return InclusionRule.of("product_category", null, "category-" + random.nextInt(200));
        }
    }

    private static RuleSet rules(boolean matchAll, String... parts) {
        List<InclusionRule> rules = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 3) {
            rules.add(InclusionRule.of(parts[i], parts[i + 1], parts[i + 2]));
        }
        return new RuleSet(rules, matchAll);
    }

    private static String describe(RuleSet ruleSet) {
        StringBuilder text = new StringBuilder(ruleSet.matchAll() ? "ALL(" : "ANY(");
        for (InclusionRule rule : ruleSet.rules()) {
            text.append(text.length() > 4 ? ", " : "").append(rule.type().wireName()).append(' ')
                    .append(rule.relation().wireName()).append(' ').append(rule.value());
        }
        return text.append(')').toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
