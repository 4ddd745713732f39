package io.collections.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.ClientId;
import io.collections.domain.collection.MemberState;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.InclusionRule;
import io.collections.domain.rule.Relation;
import io.collections.domain.rule.RuleSet;
import io.collections.domain.rule.RuleType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The proof that an adapter's own rule evaluation (SQL, indexes) is exact: random products and random rule sets
 * of every type and relation, with a fixed seed, and membership compared with {@link RuleSet#matches}, whether
 * the rules change over a catalog or the products change under the rules. Part of the CollectionRepository
 * contract.
 */
public abstract class RuleMatchingContract extends ContractSupport {
    private static final String[] WORDS = {"shoe", "Shoe", "SHOES", "straße", "STRASSE", "shirt", "50%", "5_0",
            "a!b", "back\\slash", "Ünïcode", "i", "I", "İstanbul", "x", "red shoe", "", " shoe "};
    private static final String[] DECIMALS = {"0", "0.5", "10", "10.00", "10.000001", "99.99", "100", "1E+2",
            "-1", "0.0000001", "999999999999999.999999", "1E+20", "10.0000005"};

    @Test
    void refreshRuleMatchesAgreesWithTheDomainOnRandomProductsAndRules() {
        Random random = new Random(20_240_107L);
        ClientId client = newClient();
        List<Product> products = new ArrayList<>();
        List<Product> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(Product.create(adapters.ids().nextProductId(), client, randomDetails(random), USER, tick()));
        }
        transactions.inTransaction(() -> catalog.insertAll(batch));
        products.addAll(batch);
        createProduct(newClient(), b -> b.name("shoe").productType("shoe").tags(List.of("shoe")));

        for (int i = 0; i < 60; i++) {
            RuleSet rules = randomRules(random);
            ProductCollection collection = createCollection(client, "R" + i, RuleSet.NONE, SortOrder.NAME);
            collection = replaceRules(collection, rules);
            assertMembersAreExactly(collection, expected(rules, products));
        }
    }

    @Test
    void aRuleChangeMovesOnlyTheRuleFlagAndKeepsWhatWasDoneByHand() {
        ClientId client = newClient();
        Product shoe = createProduct(client, b -> b.name("a").productType("shoe"));
        Product hat = createProduct(client, b -> b.name("b").productType("hat"));
        Product removedShoe = createProduct(client, b -> b.name("c").productType("shoe"));
        Product removedHat = createProduct(client, b -> b.name("d").productType("hat"));
        ProductCollection collection = createCollection(client, "Hand", all(rule("product_type", "equals", "shoe")),
                SortOrder.MANUAL);
        transactions.inTransaction(() -> {
            collections.addMembers(client, collection.id(), List.of(shoe.id(), hat.id()));
            collections.saveMemberState(client, collection.id(), removedShoe.id(), new MemberState(true, false, true));
            collections.saveMemberState(client, collection.id(), removedHat.id(), new MemberState(false, false, true));
        });

        ProductCollection hats = replaceRules(collection, all(rule("product_type", "equals", "hat")));

        assertThat(collections.memberState(client, hats.id(), shoe.id())).isEqualTo(new MemberState(false, true, false));
        assertThat(collections.memberState(client, hats.id(), hat.id())).isEqualTo(new MemberState(true, true, false));
        assertThat(collections.memberState(client, hats.id(), removedShoe.id()))
                .isEqualTo(new MemberState(false, false, true));
        assertThat(collections.memberState(client, hats.id(), removedHat.id()))
                .isEqualTo(new MemberState(true, false, true));
        assertThat(ids(members(hats, 10))).containsExactlyInAnyOrder(shoe.id().value(), hat.id().value());
        assertCountIsExact(hats);
    }

    @Test
    void refreshMembershipsAgreesWithTheDomainOnRandomProductsAndRules() {
        Random random = new Random(7_357L);
        ClientId client = newClient();
        List<ProductCollection> ruleCollections = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ruleCollections.add(createCollection(client, "M" + i, randomRules(random), SortOrder.MANUAL));
        }
        List<Product> products = new ArrayList<>();
        for (int start = 0; start < 240; start += 40) {
            List<Product> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                batch.add(Product.create(adapters.ids().nextProductId(), client, randomDetails(random), USER, tick()));
            }
            transactions.inTransaction(() -> {
                catalog.insertAll(batch);
                collections.refreshMemberships(client, batch);
            });
            products.addAll(batch);
        }
        for (int i = 0; i < 60; i++) {
            products.add(createProduct(client, b -> randomBuilder(random, b)));
        }
        check(ruleCollections, products);

        List<Product> changed = new ArrayList<>();
        for (int i = 0; i < products.size(); i += 3) {
            changed.add(products.get(i).withDetails(randomDetails(random), USER, tick()));
        }
        transactions.inTransaction(() -> {
            catalog.updateAll(changed);
            collections.refreshMemberships(client, changed);
        });
        for (Product product : changed) {
            products.replaceAll(p -> p.id().equals(product.id()) ? product : p);
        }
        check(ruleCollections, products);

        for (int i = 1; i < products.size(); i += 7) {
            deleteProduct(products.get(i));
        }
        List<Product> remaining = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            if (i % 7 != 1) {
                remaining.add(products.get(i));
            }
        }
        check(ruleCollections, remaining);
    }

    @Test
    void aProductTheRulesTakeBackJoinsAtTheEndOfTheManualOrder() {
        ClientId client = newClient();
        Product shoe = createProduct(client, b -> b.name("a").productType("shoe"));
        Product hat = createProduct(client, b -> b.name("b").productType("hat"));
        ProductCollection collection = createCollection(client, "Manual", all(rule("product_type", "equals", "shoe")),
                SortOrder.MANUAL);
        RuleSet both = any(rule("product_type", "equals", "shoe"), rule("product_type", "equals", "hat"));
        assertThat(memberIdsInOrder(replaceRules(collection, both))).containsExactly(shoe.id().value(),
                hat.id().value());

        ProductCollection hats = replaceRules(collection, all(rule("product_type", "equals", "hat")));
        assertThat(memberIdsInOrder(hats)).containsExactly(hat.id().value());
        assertThat(collections.memberState(client, hats.id(), shoe.id())).isEqualTo(MemberState.NONE);

        ProductCollection again = replaceRules(hats, both);
        assertThat(memberIdsInOrder(again)).containsExactly(hat.id().value(), shoe.id().value());
        assertCountIsExact(again);
    }

    private List<Long> memberIdsInOrder(ProductCollection collection) {
        return members(collection, 10).stream().map(product -> product.id().value()).toList();
    }

    @Test
    void aProductCreatedWhileRulesChangeFollowsTheNewRules() throws Exception {
        ClientId client = newClient();
        ProductCollection collection = createCollection(client, "Shoes", all(rule("product_type", "equals", "hat")),
                SortOrder.NAME);
        ProductCollection current = reload(collection);
        ProductCollection shoes = current.replaceRules(all(rule("product_type", "equals", "shoe")), USER, tick());

        Product shoe = whileAnotherTransactionWaits(() -> {
            assertThat(collections.update(shoes, current.version())).isTrue();
            collections.refreshRuleMatches(shoes);
        }, () -> createProduct(client, b -> b.name("s").productType("shoe")));

        assertMembersAreExactly(shoes, Set.of(shoe.id().value()));
    }

    @Test
    void aRuleChangeWhileAProductIsWrittenTakesTheProductIn() throws Exception {
        ClientId client = newClient();
        ProductCollection collection = createCollection(client, "Shoes", all(rule("product_type", "equals", "hat")),
                SortOrder.NAME);
        Product shoe = Product.create(adapters.ids().nextProductId(), client,
                ProductDetails.builder().name("s").productType("shoe").build(), USER, tick());

        ProductCollection shoes = whileAnotherTransactionWaits(() -> {
            catalog.insert(shoe);
            collections.refreshMemberships(client, List.of(shoe));
        }, () -> replaceRules(collection, all(rule("product_type", "equals", "shoe"))));

        assertMembersAreExactly(shoes, Set.of(shoe.id().value()));
    }

    @Test
    void aProductDeletedWhileRulesChangeLeavesNoMembershipBehind() throws Exception {
        ClientId client = newClient();
        Product shoe = createProduct(client, b -> b.name("s").productType("shoe"));
        Product other = createProduct(client, b -> b.name("o").productType("shoe"));
        ProductCollection collection = createCollection(client, "Shoes", all(rule("product_type", "equals", "hat")),
                SortOrder.NAME);
        ProductCollection current = reload(collection);
        ProductCollection shoes = current.replaceRules(all(rule("product_type", "equals", "shoe")), USER, tick());

        whileAnotherTransactionWaits(() -> {
            assertThat(collections.update(shoes, current.version())).isTrue();
            collections.refreshRuleMatches(shoes);
        }, () -> {
            deleteProduct(shoe);
            return null;
        });

        assertMembersAreExactly(shoes, Set.of(other.id().value()));
    }

    /**
     * Runs {@code first} in a transaction that stays open until {@code second} has finished (or has waited a
     * second, which an adapter may make it do), then lets it commit; answers what {@code second} answered.
     */
    private <T> T whileAnotherTransactionWaits(Runnable first, Callable<T> second) throws Exception {
        CountDownLatch worked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> open = threads.submit(() -> transactions.inTransaction(() -> {
                first.run();
                worked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(worked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<T> result = threads.submit(second);
            try {
                result.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException waitingForTheOpenTransaction) {
                // expected of an adapter that orders the two
            }
            release.countDown();
            open.get(30, TimeUnit.SECONDS);
            return result.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private void check(List<ProductCollection> ruleCollections, List<Product> products) {
        for (ProductCollection collection : ruleCollections) {
            assertMembersAreExactly(collection, expected(collection.ruleSet(), products));
        }
    }

    private void assertMembersAreExactly(ProductCollection collection, Set<Long> expected) {
        List<Product> members = members(collection, 1000);
        assertThat(ids(members)).as("members of " + collection.ruleSet()).isEqualTo(expected);
        assertThat(members).hasSize(expected.size());
        assertThat(reload(collection).productCount()).isEqualTo(expected.size());
    }

    private static Set<Long> expected(RuleSet rules, List<Product> products) {
        Set<Long> expected = new HashSet<>();
        for (Product product : products) {
            if (rules.matches(product.details())) {
                expected.add(product.id().value());
            }
        }
        return expected;
    }

    private static RuleSet randomRules(Random random) {
        int count = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        List<InclusionRule> rules = new ArrayList<>();
        while (rules.size() < count) {
            RuleType type = RuleType.values()[random.nextInt(RuleType.values().length)];
            List<Relation> relations = new ArrayList<>(type.relations());
            Relation relation = relations.get(random.nextInt(relations.size()));
            String value = type.kind() == RuleType.Kind.DECIMAL ? pick(random, DECIMALS) : pick(random, WORDS);
            if (value.isBlank()) {
                continue;
            }
            if (type.kind() != RuleType.Kind.DECIMAL && random.nextBoolean()) {
                value = value.length() > 2 ? value.substring(random.nextInt(2), value.length() - 1) : value;
                if (value.isBlank()) {
                    continue;
                }
            }
            rules.add(InclusionRule.of(type.wireName(), relation.wireName(), value));
        }
        return new RuleSet(rules, random.nextBoolean());
    }

    private static ProductDetails randomDetails(Random random) {
        return randomBuilder(random, ProductDetails.builder()).build();
    }

    private static ProductDetails.Builder randomBuilder(Random random, ProductDetails.Builder builder) {
        String name = maybe(random);
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String tag = pick(random, WORDS);
            if (!tag.isBlank()) {
                tags.add(tag);
            }
        }
        return builder.name(name == null || name.isBlank() ? "unnamed" : name)
                .productType(maybe(random)).productCategory(maybe(random)).productCode(maybe(random))
                .brand(maybe(random)).brandId(maybe(random)).status(maybe(random)).modelType(maybe(random))
                .productLifecycleStatus(maybe(random)).countryOfOrigin(maybe(random)).tags(tags)
                .price(maybeDecimal(random)).weight(maybeDecimal(random));
    }

    private static String maybe(Random random) {
        return random.nextInt(4) == 0 ? null : pick(random, WORDS);
    }

    private static BigDecimal maybeDecimal(Random random) {
        if (random.nextInt(4) == 0) {
            return null;
        }
        BigDecimal value = new BigDecimal(pick(random, DECIMALS));
        return value.signum() < 0 || value.scale() > 6 || value.precision() - value.scale() > 15 ? BigDecimal.TEN
                : value;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
