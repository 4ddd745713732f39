package io.collections.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.InvalidInputException;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionFilter;
import io.collections.domain.collection.CollectionMember;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.MemberState;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.rule.RuleSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every CollectionRepository must do; run against each adapter. */
public abstract class CollectionRepositoryContract extends ContractSupport {

    /** The widest name, image id and rules a collection may have (emoji, escaped control characters). */
    @Test
    void keepsTheWidestNameImageIdAndRules() {
        ClientId client = newClient();
        String emoji = "\uD83D\uDE00";
        List<io.collections.domain.rule.InclusionRule> rules = new ArrayList<>();
        for (int i = 0; i < io.collections.domain.rule.RuleSet.MAX_RULES; i++) {
            int width = io.collections.domain.rule.InclusionRule.MAX_VALUE_LENGTH - 1;
            rules.add(i % 2 == 0 ? rule("product_type", null, "\uFB03".repeat(width) + (char) ('a' + i))
                    : rule("product_lifecycle_status", "not_contains", "\u0001".repeat(width) + (char) ('a' + i)));
        }
        ProductCollection collection = ProductCollection.create(adapters.ids().nextCollectionId(), client,
                emoji.repeat(ProductCollection.MAX_NAME_LENGTH), CollectionStatus.DRAFT,
                emoji.repeat(ProductCollection.MAX_IMAGE_ID_LENGTH), new RuleSet(rules, false), SortOrder.NAME, USER,
                tick());
        transactions.inTransaction(() -> {
            collections.insert(collection);
            collections.refreshRuleMatches(collection);
            return null;
        });

        ProductCollection found = reload(collection);
        assertThat(found.name()).isEqualTo(collection.name());
        assertThat(found.imageId()).isEqualTo(collection.imageId());
        assertThat(found.ruleSet()).isEqualTo(collection.ruleSet());
    }

    @Test
    void storesFindsUpdatesWithVersionCheckAndDeletes() {
        ClientId client = newClient();
        ProductCollection created = createCollection(client, "Summer", all(rule("brand", null, "Acme")),
                SortOrder.PRICE_DESC, CollectionStatus.ENABLED);

        ProductCollection found = reload(created);
        assertThat(found.name()).isEqualTo("Summer");
        assertThat(found.status()).isEqualTo(CollectionStatus.ENABLED);
        assertThat(found.ruleSet()).isEqualTo(all(rule("brand", "equals", "Acme")));
        assertThat(found.sortOrder()).isEqualTo(SortOrder.PRICE_DESC);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.createdAt()).isEqualTo(created.createdAt());
        assertThat(found.createdBy()).isEqualTo(USER);

        ProductCollection renamed = found.rename("Winter", USER, tick()).changeImage("img-1", USER, tick());
        assertThat(transactions.inTransaction(() -> collections.update(renamed, found.version()))).isTrue();
        assertThat(reload(created).name()).isEqualTo("Winter");
        assertThat(reload(created).imageId()).isEqualTo("img-1");
        assertThat(reload(created).version()).isEqualTo(renamed.version());
        assertThat(reload(created).updatedAt()).isEqualTo(renamed.updatedAt());

        ProductCollection stale = found.rename("Autumn", USER, tick());
        assertThat(transactions.inTransaction(() -> collections.update(stale, found.version()))).isFalse();
        assertThat(reload(created).name()).isEqualTo("Winter");
        assertThat(collections.nameExists(client, "Winter")).isTrue();
        assertThat(collections.nameExists(client, "Autumn")).isFalse();

        assertThat(transactions.inTransaction(() -> collections.delete(client, created.id()))).isTrue();
        assertThat(collections.find(client, created.id())).isEmpty();
        assertThat(transactions.inTransaction(() -> collections.delete(client, created.id()))).isFalse();
        assertThat(transactions.inTransaction(() -> collections.update(renamed.rename("x", USER, tick()),
                renamed.version()))).isFalse();
    }

    @Test
    void deletingACollectionKeepsItsProducts() {
        ClientId client = newClient();
        Product product = createProduct(client, b -> b.name("Kept").brand("acme"));
        ProductCollection collection = createCollection(client, "C", all(rule("brand", null, "ACME")),
                SortOrder.NAME);
        assertThat(reload(collection).productCount()).isEqualTo(1);
        transactions.inTransaction(() -> collections.delete(client, collection.id()));
        assertThat(catalog.find(client, product.id())).isPresent();
    }

    @Test
    void anotherClientSeesNothingAndRulesNeverCrossClients() {
        ClientId mine = newClient();
        ClientId theirs = newClient();
        createProduct(theirs, b -> b.name("Theirs").productType("Shoe"));
        Product own = createProduct(mine, b -> b.name("Mine").productType("shoe"));
        ProductCollection collection = createCollection(mine, "Shoes", all(rule("product_type", null, "SHOE")),
                SortOrder.NAME);
        createCollection(theirs, "Their shoes", all(rule("product_type", null, "shoe")), SortOrder.NAME);
        createProduct(theirs, b -> b.name("Theirs too").productType("shoe"));

        assertThat(ids(members(collection, 10))).containsExactly(own.id().value());
        assertThat(reload(collection).productCount()).isEqualTo(1);
        assertThat(collections.find(theirs, collection.id())).isEmpty();
        assertThat(transactions.inTransaction(() -> collections.delete(theirs, collection.id()))).isFalse();
        ProductCollection forged = ProductCollection.reconstitute(collection.id(), theirs, "Hijacked",
                CollectionStatus.DRAFT, null, RuleSet.NONE, SortOrder.NAME, 0, collection.version() + 1,
                collection.createdAt(), tick(), USER, USER);
        assertThat(transactions.inTransaction(() -> collections.update(forged, collection.version()))).isFalse();
        assertThat(collections.list(theirs, CollectionFilter.ALL, PageRequest.first(100)).items())
                .extracting(ProductCollection::name).containsExactly("Their shoes");
        assertThat(collections.list(mine, CollectionFilter.ALL, PageRequest.first(100)).items())
                .extracting(ProductCollection::name).containsExactly("Shoes");
        assertThat(collections.nameExists(theirs, "Shoes")).isFalse();
        assertThat(collections.memberState(theirs, collection.id(), own.id())).isEqualTo(MemberState.NONE);
        transactions.inTransaction(() -> collections.saveMemberState(theirs, collection.id(), own.id(),
                MemberState.NONE.afterAdd()));
        transactions.inTransaction(() -> collections.forgetProducts(theirs, List.of(own.id())));
        assertThat(ids(members(collection, 10))).containsExactly(own.id().value());
    }

    @Test
    void listsNewestFirstFiltersByStatusAndLiteralCaseInsensitiveNameAndPagesExactlyOnce() {
        ClientId client = newClient();
        List<String> names = List.of("Big SALE", "50% off", "5 off", "a_b", "axb", "Straße", "plain", "back\\slash");
        List<ProductCollection> created = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            created.add(createCollection(client, names.get(i), RuleSet.NONE, SortOrder.NAME,
                    i % 2 == 0 ? CollectionStatus.ENABLED : CollectionStatus.DRAFT));
        }
        List<String> newestFirst = new ArrayList<>(names);
        java.util.Collections.reverse(newestFirst);

        assertThat(readAll(cursor -> collections.list(client, CollectionFilter.ALL, new PageRequest(3, cursor))))
                .extracting(ProductCollection::name).containsExactlyElementsOf(newestFirst);
        assertThat(names(client, new CollectionFilter(CollectionStatus.ENABLED, null)))
                .containsExactly("plain", "axb", "5 off", "Big SALE");
        assertThat(names(client, new CollectionFilter(null, "sale"))).containsExactly("Big SALE");
        assertThat(names(client, new CollectionFilter(null, "%"))).containsExactly("50% off");
        assertThat(names(client, new CollectionFilter(null, "_"))).containsExactly("a_b");
        assertThat(names(client, new CollectionFilter(null, "STRASSE"))).containsExactly("Straße");
        assertThat(names(client, new CollectionFilter(null, "\\"))).containsExactly("back\\slash");
        assertThat(names(client, new CollectionFilter(null, "!"))).isEmpty();
        assertThat(names(client, new CollectionFilter(CollectionStatus.DRAFT, "o"))).containsExactly("50% off");
    }

    @Test
    void listTiesOnCreationTimeBreakOnTheHigherId() {
        ClientId client = newClient();
        Instant at = tick();
        List<ProductCollection> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ProductCollection collection = ProductCollection.create(adapters.ids().nextCollectionId(), client,
                    "Tie " + i, null, null, RuleSet.NONE, null, USER, at);
            transactions.inTransaction(() -> collections.insert(collection));
            created.add(collection);
        }
        created.sort(Comparator.comparing(ProductCollection::id).reversed());
        assertThat(readAll(cursor -> collections.list(client, CollectionFilter.ALL, new PageRequest(2, cursor))))
                .extracting(ProductCollection::id)
                .containsExactlyElementsOf(created.stream().map(ProductCollection::id).toList());
    }

    @Test
    void findsForUpdateOnlyTheCallersCollection() {
        ClientId mine = newClient();
        ClientId theirs = newClient();
        ProductCollection collection = createCollection(mine, "Locked", RuleSet.NONE, SortOrder.NAME);

        assertThat(transactions.inTransaction(() -> collections.findForUpdate(mine, collection.id())))
                .hasValueSatisfying(found -> assertThat(found.name()).isEqualTo("Locked"));
        assertThat(transactions.inTransaction(() -> collections.findForUpdate(theirs, collection.id()))).isEmpty();
        assertThat(transactions.inTransaction(() -> collections.findForUpdate(mine, new CollectionId(424242L))))
                .isEmpty();
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        ClientId client = newClient();
        ProductCollection collection = createCollection(client, "C", RuleSet.NONE, SortOrder.NAME);
        for (String bad : List.of("garbage!", "bm90IGEgY3Vyc29y", "AAAA")) {
            assertThatThrownBy(() -> collections.list(client, CollectionFilter.ALL, new PageRequest(10, bad)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
            assertThatThrownBy(() -> collections.members(collection, new PageRequest(10, bad)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void refusesAPriceCursorWithAKeyNoStoredPriceHas() {
        ClientId client = newClient();
        ProductCollection collection = createCollection(client, "C", RuleSet.NONE, SortOrder.PRICE);
        // An exponent such as 1e99999999 is a 40-character cursor that a database would spend minutes expanding.
        for (String key : List.of("+1e99999999", "+1E5", "+12.1234567", "+1234567890123456", "+NaN", "+0x10")) {
            String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("members\nprice\n100000002\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> collections.members(collection, new PageRequest(10, forged))).as(key)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void membershipIsMatchedOrAddedButNotRemoved() {
        ClientId client = newClient();
        Product matching = createProduct(client, b -> b.name("Matching").brand("Acme"));
        Product other = createProduct(client, b -> b.name("Other").brand("Zeta"));
        ProductCollection collection = createCollection(client, "Acme", all(rule("brand", null, "acme")),
                SortOrder.NAME);
        assertThat(ids(members(collection, 10))).containsExactly(matching.id().value());
        assertThat(collections.memberState(client, collection.id(), matching.id()))
                .isEqualTo(new MemberState(true, false, false));

        add(collection, other);
        assertThat(ids(members(collection, 10))).containsExactlyInAnyOrder(matching.id().value(), other.id().value());
        add(collection, other);
        assertThat(reload(collection).productCount()).isEqualTo(2);

        remove(collection, matching);
        assertThat(collections.memberState(client, collection.id(), matching.id()))
                .isEqualTo(new MemberState(true, false, true));
        assertThat(ids(members(collection, 10))).containsExactly(other.id().value());
        changeProduct(matching, b -> b.name("Still matching"));
        assertThat(ids(members(collection, 10))).as("removed while matching stays out")
                .containsExactly(other.id().value());
        replaceRules(collection, any(rule("brand", null, "acme"), rule("name", "contains", "still")));
        assertThat(ids(members(collection, 10))).containsExactly(other.id().value());

        remove(collection, other);
        assertThat(collections.memberState(client, collection.id(), other.id())).isEqualTo(MemberState.NONE);
        assertThat(members(collection, 10)).isEmpty();
        assertThat(reload(collection).productCount()).isZero();

        add(collection, matching);
        assertThat(ids(members(collection, 10))).containsExactly(matching.id().value());
        assertThat(collections.memberState(client, collection.id(), matching.id()))
                .isEqualTo(new MemberState(true, true, false));
        assertCountIsExact(collection);
    }

    @Test
    void rulesFollowRuleChangesAndProductCreateChangeAndDelete() {
        ClientId client = newClient();
        Product shoe = createProduct(client, b -> b.name("Runner").productType("Shoe").price(new BigDecimal("80")));
        Product shirt = createProduct(client, b -> b.name("Tee").productType("Shirt").price(new BigDecimal("20")));
        ProductCollection shoes = createCollection(client, "Shoes", all(rule("product_type", null, "shoe")),
                SortOrder.NAME);
        ProductCollection cheap = createCollection(client, "Cheap", all(rule("price", "less_than", "50")),
                SortOrder.NAME);
        assertThat(ids(members(shoes, 10))).containsExactly(shoe.id().value());
        assertThat(ids(members(cheap, 10))).containsExactly(shirt.id().value());

        Product boot = createProduct(client, b -> b.name("Boot").productType("SHOE").price(new BigDecimal("49.99")));
        assertThat(ids(members(shoes, 10))).containsExactlyInAnyOrder(shoe.id().value(), boot.id().value());
        assertThat(ids(members(cheap, 10))).containsExactlyInAnyOrder(shirt.id().value(), boot.id().value());

        Product changedBoot = changeProduct(boot, b -> b.productType("Sandal").price(new BigDecimal("50")));
        assertThat(ids(members(shoes, 10))).containsExactly(shoe.id().value());
        assertThat(ids(members(cheap, 10))).containsExactly(shirt.id().value());

        changeProduct(changedBoot, b -> b.productType("shoe"));
        assertThat(ids(members(shoes, 10))).containsExactlyInAnyOrder(shoe.id().value(), boot.id().value());

        deleteProduct(shoe);
        assertThat(ids(members(shoes, 10))).containsExactly(boot.id().value());
        assertCountIsExact(shoes);

        replaceRules(shoes, any(rule("product_type", null, "shirt"), rule("name", "starts_with", "b")));
        assertThat(ids(members(shoes, 10))).containsExactlyInAnyOrder(shirt.id().value(), boot.id().value());
        replaceRules(shoes, RuleSet.NONE);
        assertThat(members(shoes, 10)).isEmpty();
        for (ProductCollection collection : List.of(shoes, cheap)) {
            assertCountIsExact(collection);
        }
    }

    @Test
    void addMembersAddsInOrderOnceEach() {
        ClientId client = newClient();
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            products.add(createProduct(client, b -> b.name("P" + n)));
        }
        ProductCollection collection = createCollection(client, "Manual", RuleSet.NONE, SortOrder.MANUAL);
        List<ProductId> order = List.of(products.get(3).id(), products.get(0).id(), products.get(5).id(),
                products.get(0).id(), products.get(1).id());
        transactions.inTransaction(() -> collections.addMembers(client, collection.id(), order));
        assertThat(members(collection, 2)).extracting(Product::id)
                .containsExactly(products.get(3).id(), products.get(0).id(), products.get(5).id(),
                        products.get(1).id());
        assertThat(reload(collection).productCount()).isEqualTo(4);
        transactions.inTransaction(() -> collections.addMembers(client, collection.id(), List.of(products.get(0).id())));
        assertThat(reload(collection).productCount()).isEqualTo(4);
        add(collection, products.get(2));
        assertThat(members(collection, 10)).extracting(Product::id).endsWith(products.get(2).id());
    }

    @Test
    void addNewMembersAddsJustCreatedProductsInOrderAndCountsThem() {
        ClientId client = newClient();
        ProductCollection collection = createCollection(client, "Imported", RuleSet.NONE, SortOrder.MANUAL);
        Product earlier = createProduct(client, b -> b.name("Earlier"));
        add(collection, earlier);
        List<Product> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Product.create(adapters.ids().nextProductId(), client,
                    io.collections.domain.product.ProductDetails.builder().name("New " + i).build(), USER, tick()));
        }
        List<ProductId> order = List.of(created.get(4).id(), created.get(1).id(), created.get(3).id(),
                created.get(0).id(), created.get(2).id());
        transactions.inTransaction(() -> {
            catalog.insertAll(created);
            collections.addNewMembers(client, collection.id(), order.subList(0, 3));
            collections.addNewMembers(client, collection.id(), order.subList(3, 5));
        });

        List<ProductId> expected = new ArrayList<>(List.of(earlier.id()));
        expected.addAll(order);
        assertThat(members(collection, 2)).extracting(Product::id).containsExactlyElementsOf(expected);
        assertThat(reload(collection).productCount()).isEqualTo(6);
        assertThat(collections.memberState(client, collection.id(), created.get(0).id()))
                .isEqualTo(MemberState.NONE.afterAdd());
        transactions.inTransaction(() -> collections.addMembers(client, collection.id(), order));
        assertThat(reload(collection).productCount()).as("adding them again changes nothing").isEqualTo(6);
        assertCountIsExact(collection);

        ClientId other = newClient();
        Product theirs = Product.create(adapters.ids().nextProductId(), other,
                io.collections.domain.product.ProductDetails.builder().name("Theirs").build(), USER, tick());
        transactions.inTransaction(() -> {
            catalog.insert(theirs);
            collections.addNewMembers(other, collection.id(), List.of(theirs.id()));
        });
        assertThat(reload(collection).productCount()).as("not their collection").isEqualTo(6);
    }

    @Test
    void hasRuleCollectionsSaysWhetherAnyCollectionOfTheClientHasRules() {
        ClientId client = newClient();
        assertThat(collections.hasRuleCollections(client)).isFalse();
        createCollection(client, "Manual", RuleSet.NONE, SortOrder.MANUAL);
        assertThat(collections.hasRuleCollections(client)).isFalse();

        ClientId withEquality = newClient();
        createCollection(withEquality, "Acme", all(rule("brand", null, "Acme")), SortOrder.NAME);
        assertThat(collections.hasRuleCollections(withEquality)).isTrue();

        ClientId withoutEquality = newClient();
        ProductCollection cheap = createCollection(withoutEquality, "Cheap", all(rule("price", "less_than", "50")),
                SortOrder.NAME);
        assertThat(collections.hasRuleCollections(withoutEquality)).isTrue();
        replaceRules(cheap, RuleSet.NONE);
        assertThat(collections.hasRuleCollections(withoutEquality)).as("its rules were removed").isFalse();
        assertThat(collections.hasRuleCollections(client)).as("others' rules do not count").isFalse();
    }

    @Test
    void everySortOrderPagesWithTiesAndNullsLast() {
        ClientId client = newClient();
        Instant sameTime = tick();
        List<Product> products = new ArrayList<>();
        String[] names = {"banana", "Apple", "apple", "cherry", "Banana", "date", "apple"};
        String[] codes = {"B-1", null, "a-1", "A-1", null, "c-9", "b-1"};
        String[] prices = {"10", null, "10.00", "5.5", "100", null, "10.0"};
        for (int i = 0; i < names.length; i++) {
            int n = i;
            products.add(createProduct(client, b -> b.name(names[n]).productCode(codes[n]).brand("x")
                    .price(prices[n] == null ? null : new BigDecimal(prices[n])), n % 3 == 0 ? sameTime : tick()));
        }
        products.set(2, changeProduct(products.get(2), b -> b.brand("x")));
        ProductCollection collection = createCollection(client, "Sorted", all(rule("brand", null, "x")),
                SortOrder.NAME);
        for (SortOrder order : SortOrder.values()) {
            ProductCollection current = reload(collection);
            ProductCollection sorted = transactions.inTransaction(() -> {
                ProductCollection changed = current.sortOrder() == order ? current
                        : current.changeSortOrder(order, USER, tick());
                if (changed != current) {
                    assertThat(collections.update(changed, current.version())).isTrue();
                }
                return reload(changed);
            });
            List<CollectionMember> expected = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                expected.add(new CollectionMember(products.get(i), i));
            }
            expected.sort(CollectionMember.comparator(order));
            for (int pageSize : new int[] {1, 2, 3, 100}) {
                assertThat(members(sorted, pageSize)).as(order + " in pages of " + pageSize).extracting(Product::id)
                        .containsExactlyElementsOf(expected.stream().map(m -> m.product().id()).toList());
            }
        }
    }

    private List<String> names(ClientId client, CollectionFilter filter) {
        return readAll(cursor -> collections.list(client, filter, new PageRequest(2, cursor))).stream()
                .map(ProductCollection::name).toList();
    }

    private void add(ProductCollection collection, Product product) {
        transactions.inTransaction(() -> {
            MemberState before = collections.memberState(collection.clientId(), collection.id(), product.id());
            if (!before.afterAdd().equals(before)) {
                collections.saveMemberState(collection.clientId(), collection.id(), product.id(), before.afterAdd());
            }
        });
    }

    private void remove(ProductCollection collection, Product product) {
        transactions.inTransaction(() -> {
            MemberState before = collections.memberState(collection.clientId(), collection.id(), product.id());
            collections.saveMemberState(collection.clientId(), collection.id(), product.id(),
                    before.afterRemove(product.id()));
        });
    }
}
