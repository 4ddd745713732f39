package io.collections.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.ClientId;
import io.collections.domain.ConflictException;
import io.collections.domain.InvalidInputException;
import io.collections.domain.PageRequest;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every ProductCatalog must do; run against each adapter. */
public abstract class ProductCatalogContract extends ContractSupport {

    @Test
    void keepsEveryFieldAsWritten() {
        ClientId client = newClient();
        ProductDetails details = ProductDetails.builder()
                .name("Trail Runner").brandId("b-1").metadataId("m-1").imageId("i-1").tangible(true)
                .hasDetails(true).hasPricing(true).organized(true).published(true).needsReview(true)
                .outOfSync(true).syncingPausedAt(Instant.parse("2024-03-04T05:06:07.123Z")).status("active")
                .modelType("shoe").productCode("TR-1").productCategory("Footwear").productType("Shoe")
                .productLifecycleStatus("live").weight(new BigDecimal("1.250")).weightUnit("kg").sizeUnit("cm")
                .length(new BigDecimal("30.5")).width(new BigDecimal("12")).height(new BigDecimal("0.000001"))
                .countryOfOrigin("IT").commodityDescription("Shoes \"quoted\" \\ back\nline").taxable(true)
                .taxCode("T1").brand("Acme").tags(List.of("Run", "trail \"x\"", "ünï"))
                .price(new BigDecimal("12.50")).currency("EUR")
                .imageUrls(List.of("https://img.example/1.png", "https://img.example/2.png"))
                .source(new ProductSource("shopify", "acme.myshopify.com", "123",
                        Instant.parse("2019-09-07T15:50:00Z"), Instant.parse("2024-03-04T05:06:07.123Z"))).build();
        Product product = createProduct(client, b -> details.toBuilder());
        Product found = catalog.find(client, product.id()).orElseThrow();
        assertThat(found).isEqualTo(product);
        assertThat(found.details().source().createdAt()).isEqualTo(Instant.parse("2019-09-07T15:50:00Z"));
        assertThat(found.details().source().updatedAt()).isEqualTo(Instant.parse("2024-03-04T05:06:07.123Z"));
        assertThat(found.details().price().toPlainString()).isEqualTo("12.50");
        assertThat(found.details().weight().toPlainString()).isEqualTo("1.250");
        assertThat(found.details().tags()).containsExactly("Run", "trail \"x\"", "ünï");

        Product minimal = createProduct(client, b -> b.name("Bare"));
        assertThat(catalog.find(client, minimal.id())).contains(minimal);
        assertThat(catalog.find(client, minimal.id()).orElseThrow().details().tags()).isEmpty();
    }

    /**
     * Every text at its limit, in the characters that take the most room where it is stored: emoji (two UTF-16
     * units each), control characters and quotes (escaped to six and two characters in the stored lists), and
     * letters that fold to three ("ﬃ" to "ffi").
     */
    @Test
    void keepsEveryTextAtItsLimitInItsWidestCharacters() {
        ClientId client = newClient();
        String emoji = "\uD83D\uDE00";
        List<String> tags = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < ProductDetails.MAX_TAGS; i++) {
            tags.add("\u0001".repeat(ProductDetails.MAX_TEXT - 1) + (char) ('\u4e00' + i));
            urls.add("\"".repeat(ProductDetails.MAX_URL / 2) + "\u0002".repeat(ProductDetails.MAX_URL / 2 - 1)
                    + (char) ('\u4e00' + i));
        }
        String text = emoji.repeat(ProductDetails.MAX_TEXT);
        Product product = createProduct(client, b -> b.name(text).brandId(text).metadataId(text).imageId(text)
                .status(emoji.repeat(64)).modelType(text).productCode(text).productCategory("\uFB03".repeat(255))
                .productType("\uFB03".repeat(255)).productLifecycleStatus(text).weightUnit(emoji.repeat(16))
                .sizeUnit(emoji.repeat(16)).countryOfOrigin(emoji.repeat(64)).commodityDescription(
                        emoji.repeat(ProductDetails.MAX_LONG_TEXT)).taxCode(emoji.repeat(64)).brand(text)
                .tags(tags).imageUrls(urls));

        assertThat(catalog.find(client, product.id())).contains(product);
        io.collections.domain.collection.ProductCollection ligatures = createCollection(client, "Ligatures",
                all(rule("product_type", null, "\uFB03".repeat(255)), rule("tag", null, tags.get(7))),
                io.collections.domain.collection.SortOrder.NAME);
        assertThat(ids(members(ligatures, 10))).containsExactly(product.id().value());
    }

    @Test
    void keepsTabsCarriageReturnsAndBackslashesAsWrittenInColumnsAndTags() {
        ClientId client = newClient();
        String tricky = "tab\there\r\nand \\N \\t end";
        Product product = createProduct(client, b -> b.name(tricky).brand("\\N").commodityDescription("\t\\")
                .tags(List.of("a\tb", "\\N", "c\\d"))
                .syncingPausedAt(Instant.parse("2024-03-04T05:06:07.123456Z")));
        assertThat(catalog.find(client, product.id())).contains(product);

        io.collections.domain.collection.ProductCollection tagged = createCollection(client, "Tagged",
                any(rule("tag", null, "\\N"), rule("tag", null, "a\tb")),
                io.collections.domain.collection.SortOrder.NAME);
        assertThat(ids(members(tagged, 10))).containsExactly(product.id().value());
        assertThat(catalog.findBySource(client, "shopify", "x", List.of("missing"))).isEmpty();
    }

    @Test
    void updatesAndDeletes() {
        ClientId client = newClient();
        Product product = createProduct(client, b -> b.name("Old").tags(List.of("a")));
        Product changed = changeProduct(product, b -> b.name("New").tags(List.of("b", "c")).price(BigDecimal.ONE));
        assertThat(catalog.find(client, product.id())).contains(changed);
        assertThat(transactions.inTransaction(() -> catalog.delete(client, product.id()))).isTrue();
        assertThat(catalog.find(client, product.id())).isEmpty();
        assertThat(transactions.inTransaction(() -> catalog.delete(client, product.id()))).isFalse();
        assertThatThrownBy(() -> transactions.inTransaction(() -> catalog.update(changed)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReimportReplacesTheProvidersTimestamps() {
        ClientId client = newClient();
        Instant created = Instant.parse("2023-05-01T09:00:00Z");
        Product known = createProduct(client, b -> b.name("Known").source(new ProductSource("woocommerce",
                "https://shop.example", "794", created, Instant.parse("2024-01-07T12:30:00Z"))));
        createProduct(client, b -> b.name("Undated")
                .source(new ProductSource("woocommerce", "https://shop.example", "795")));
        createProduct(client, b -> b.name("Only updated").source(new ProductSource(
                "woocommerce", "https://shop.example", "796", null, Instant.parse("2024-01-07T12:30:00Z"))));

        // As ImportCatalog does: find by source, replace the details with the provider's, update.
        Instant modified = Instant.parse("2024-06-01T08:15:00.250Z");
        Map<String, Product> stored = catalog.findBySource(client, "woocommerce", "https://shop.example",
                List.of("794", "795", "796"));
        List<Product> reimported = new ArrayList<>();
        stored.forEach((externalId, product) -> reimported.add(product.withDetails(product.details().toBuilder()
                .source(new ProductSource("woocommerce", "https://shop.example", externalId,
                        externalId.equals("796") ? null : created, modified)).build(), USER, tick())));
        transactions.inTransaction(() -> catalog.updateAll(reimported));

        Map<String, Product> found = catalog.findBySource(client, "woocommerce", "https://shop.example",
                List.of("794", "795", "796"));
        assertThat(found.get("794").details().source().createdAt()).isEqualTo(created);
        assertThat(found.get("794").details().source().updatedAt()).isEqualTo(modified);
        assertThat(found.get("795").details().source().createdAt()).as("a product stored without them gets them")
                .isEqualTo(created);
        assertThat(found.get("795").details().source().updatedAt()).isEqualTo(modified);
        assertThat(found.get("796").details().source().createdAt()).isNull();
        assertThat(found.get("796").details().source().updatedAt()).isEqualTo(modified);
        assertThat(found.values()).containsExactlyInAnyOrderElementsOf(reimported);
        assertThat(catalog.find(client, known.id()).orElseThrow().createdAt()).as("our own created_at stays")
                .isEqualTo(known.createdAt());
    }

    @Test
    void findsForUpdateWhatFindFindsAndNothingOfAnotherClient() {
        ClientId mine = newClient();
        Product product = createProduct(mine, b -> b.name("Held"));
        assertThat(transactions.inTransaction(() -> catalog.findForUpdate(mine, product.id()))).contains(product);
        assertThat(transactions.inTransaction(() -> catalog.findForUpdate(newClient(), product.id()))).isEmpty();
        assertThat(transactions.inTransaction(() -> catalog.findForUpdate(mine,
                new io.collections.domain.ProductId(424242L)))).isEmpty();
    }

    @Test
    void anotherClientSeesNothing() {
        ClientId mine = newClient();
        ClientId theirs = newClient();
        Product product = createProduct(mine, b -> b.name("Mine"));
        assertThat(catalog.find(theirs, product.id())).isEmpty();
        assertThat(transactions.inTransaction(() -> catalog.delete(theirs, product.id()))).isFalse();
        assertThat(catalog.list(theirs, PageRequest.first(10)).items()).isEmpty();
        Product forged = new Product(product.id(), theirs, product.details(), product.createdAt(), tick(), USER, USER);
        assertThatThrownBy(() -> transactions.inTransaction(() -> catalog.update(forged)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(catalog.find(mine, product.id())).contains(product);
    }

    @Test
    void listsNewestFirstWithTiesOnTheHigherIdAndPagesExactlyOnce() {
        ClientId client = newClient();
        Instant same = tick();
        List<Product> created = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int n = i;
            created.add(createProduct(client, b -> b.name("P" + n), i % 2 == 0 ? same : tick()));
        }
        created.sort(Comparator.comparing(Product::createdAt).thenComparing(Product::id).reversed());
        for (int pageSize : new int[] {1, 2, 4, 9, 10}) {
            assertThat(readAll(cursor -> catalog.list(client, new PageRequest(pageSize, cursor))))
                    .extracting(Product::id).containsExactlyElementsOf(created.stream().map(Product::id).toList());
        }
        assertThatThrownBy(() -> catalog.list(client, new PageRequest(2, "nonsense")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void findsBySourceWithinOneClientProviderAndAccount() {
        ClientId client = newClient();
        Product one = createProduct(client, b -> b.name("One").source(new ProductSource("shopify", "a.shop", "1")));
        Product two = createProduct(client, b -> b.name("Two").source(new ProductSource("shopify", "a.shop", "2")));
        createProduct(client, b -> b.name("Other account").source(new ProductSource("shopify", "b.shop", "1")));
        createProduct(client, b -> b.name("Other provider").source(new ProductSource("algolia", "a.shop", "2")));
        createProduct(newClient(), b -> b.name("Other client").source(new ProductSource("shopify", "a.shop", "1")));
        createProduct(client, b -> b.name("No source"));

        Map<String, Product> found = catalog.findBySource(client, "shopify", "a.shop", List.of("1", "2", "3"));
        assertThat(found).containsOnlyKeys("1", "2");
        assertThat(found.get("1")).isEqualTo(one);
        assertThat(found.get("2")).isEqualTo(two);
        assertThat(catalog.findBySource(client, "shopify", "a.shop", List.of())).isEmpty();
    }

    @Test
    void aSecondProductFromTheSameImportSourceIsAConflict() {
        ClientId client = newClient();
        Product first = createProduct(client, b -> b.name("One").source(new ProductSource("shopify", "a.shop", "1")));

        assertThatThrownBy(() -> createProduct(client,
                b -> b.name("Again").source(new ProductSource("shopify", "a.shop", "1"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("shopify account a.shop");

        assertThat(catalog.findBySource(client, "shopify", "a.shop", List.of("1"))).containsOnly(Map.entry("1", first));
        createProduct(newClient(), b -> b.name("Other client").source(new ProductSource("shopify", "a.shop", "1")));
    }
}
