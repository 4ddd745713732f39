package io.collections.adapter.providers.algolia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.adapter.providers.testing.FetchRunHarness;
import io.collections.domain.catalog.AlgoliaAccount;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlgoliaProductAssemblerTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final AlgoliaAccount ACCOUNT = new AlgoliaAccount("LATENCY", "key", "shopify_products", Map.of());
    /** Algolia's Shopify app: one record per variant, {@code id} the product's id, named in the mapping. */
    private static final AlgoliaAttributeMapping SHOPIFY_VARIANTS = AlgoliaAttributeMapping.of(Map.of("product_id",
            "id"));

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = AlgoliaProductAssemblerTest.class.getResourceAsStream("/algolia/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static List<JsonNode> hits(JsonNode array) {
        List<JsonNode> hits = new ArrayList<>();
        array.forEach(hits::add);
        return hits;
    }

    private static List<JsonNode> hits(String... records) throws IOException {
        List<JsonNode> hits = new ArrayList<>();
        for (String record : records) {
            hits.add(JSON.readTree(record));
        }
        return hits;
    }

    /** An assembler feeding pages of one fetch run, as the fetcher does. */
    private static final class Pages {
        private final FetchRunHarness run = FetchRunHarness.of(ACCOUNT);
        private final AlgoliaProductAssembler assembler;

        Pages(AlgoliaAttributeMapping mapping) {
            this.assembler = new AlgoliaProductAssembler(mapping);
        }

        Pages() {
            this(AlgoliaAttributeMapping.defaults());
        }

        CatalogPage page(List<JsonNode> hits, boolean last) {
            return run.page(builder -> assembler.add(hits, last, builder));
        }
    }

    @Test
    void variantRecordsOfTheShopifyAppBecomeOneProductPerProductId() throws IOException {
        CatalogPage page = new Pages(SHOPIFY_VARIANTS).page(hits(resource("shopify-variant-hits.json")), true);

        assertThat(page.skipped()).isEmpty();
        assertThat(page.products()).extracting(p -> p.source().externalId()).containsExactly("7011223344", "7011229999");
        ProductDetails tee = page.products().get(0);
        assertThat(tee.source()).isEqualTo(new ProductSource("algolia", "LATENCY/shopify_products", "7011223344",
                Instant.parse("2024-03-02T10:13:20Z"), Instant.parse("2024-11-30T20:53:20Z")));
        assertThat(tee.name()).isEqualTo("V-neck t-shirt");
        assertThat(tee.productType()).isEqualTo("T-Shirts");
        assertThat(tee.productCategory()).isEqualTo("Apparel > Tops > T-Shirts");
        assertThat(tee.brand()).isEqualTo("Acme Apparel");
        assertThat(tee.tags()).containsExactly("cotton", "summer", "new");
        assertThat(tee.price().toPlainString()).isEqualTo("17.50");
        assertThat(tee.currency()).isNull();
        assertThat(tee.hasPricing()).isTrue();
        assertThat(tee.imageUrls()).containsExactly("https://cdn.shopify.com/s/files/1/tee-white.jpg",
                "https://cdn.shopify.com/s/files/1/tee.jpg", "https://cdn.shopify.com/s/files/1/tee-blue.jpg",
                "https://cdn.shopify.com/s/files/1/tee-black.jpg");
        assertThat(tee.status()).isEqualTo("active");
        assertThat(tee.published()).isTrue();
        assertThat(tee.productCode()).as("one SKU cannot stand for three variants").isNull();
        assertThat(tee.source().createdAt()).as("the earliest variant's created_at, epoch seconds")
                .isEqualTo(Instant.parse("2024-03-02T10:13:20Z"));
        assertThat(tee.source().updatedAt()).as("the latest variant's updated_at")
                .isEqualTo(Instant.parse("2024-11-30T20:53:20Z"));
        ProductDetails mug = page.products().get(1);
        assertThat(mug.price().toPlainString()).isEqualTo("12.00");
        assertThat(mug.productCode()).isEqualTo("MUG-01");
        assertThat(mug.tags()).isEmpty();
        assertThat(mug.productCategory()).isEqualTo("Home > Kitchen");
        assertThat(mug.source().createdAt()).isNull();
        assertThat(mug.source().updatedAt()).isNull();
    }

    @Test
    void withoutAProductIdInTheMappingEachRecordIsAProductKeyedByItsObjectId() throws IOException {
        CatalogPage page = new Pages().page(hits("""
                {"objectID":"rec-1","id":5,"product_id":"P","name":"Lamp","price":20}""", """
                {"objectID":"rec-2","id":5,"product_id":"P","name":"Lamp shade","price":8}"""), true);

        assertThat(page.skipped()).isEmpty();
        assertThat(page.products()).extracting(p -> p.source().externalId()).containsExactly("rec-1", "rec-2");
        assertThat(page.products()).extracting(ProductDetails::name).containsExactly("Lamp", "Lamp shade");
    }

    @Test
    void theShopifyAppsVariantRecordsAreEachAProductWithoutTheMapping() throws IOException {
        CatalogPage page = new Pages().page(hits(resource("shopify-variant-hits.json")), true);

        assertThat(page.products()).extracting(p -> p.source().externalId())
                .startsWith("40112233445566", "40112233445567").doesNotContain("7011223344");
    }

    @Test
    void mapsEveryFieldOfAProductLevelRecord() throws IOException {
        CatalogPage page = new Pages().page(List.of(resource("product-level-hit.json")), true);

        assertThat(page.skipped()).isEmpty();
        ProductDetails lamp = page.products().get(0);
        assertThat(lamp.source()).isEqualTo(new ProductSource("algolia", "LATENCY/shopify_products", "lamp-aurora",
                Instant.parse("2025-04-12T00:00:00Z"), Instant.parse("2026-10-01T09:30:00Z")));
        assertThat(lamp.name()).isEqualTo("Aurora desk lamp");
        assertThat(lamp.productType()).isEqualTo("Lighting");
        assertThat(lamp.productCategory()).isEqualTo("Home");
        assertThat(lamp.brand()).isEqualTo("Lumen");
        assertThat(lamp.tags()).containsExactly("desk", "led", "office");
        assertThat(lamp.price().toPlainString()).isEqualTo("89.90");
        assertThat(lamp.currency()).isEqualTo("EUR");
        assertThat(lamp.imageUrls()).containsExactly("https://img.example.com/aurora-1.jpg",
                "https://img.example.com/aurora-2.jpg");
        assertThat(lamp.status()).isEqualTo("draft");
        assertThat(lamp.published()).isFalse();
        assertThat(lamp.productCode()).isEqualTo("LUM-AUR-01");
        assertThat(lamp.source().createdAt()).as("a date alone is its midnight UTC")
                .isEqualTo(Instant.parse("2025-04-12T00:00:00Z"));
        assertThat(lamp.source().updatedAt()).isEqualTo(Instant.parse("2026-10-01T09:30:00Z"));
    }

    @Test
    void timestampsComeFromTheMappedAttributesInAnyCommonForm() throws IOException {
        AlgoliaAttributeMapping mapping = AlgoliaAttributeMapping.of(Map.of("created_at", "first_listed",
                "updated_at", "meta.modified_ms"));
        CatalogPage page = new Pages(mapping).page(hits("""
                {"objectID":"k1","title":"Kettle","first_listed":"2024-01-07T12:30:00",
                 "meta":{"modified_ms":1732089600123},"created_at":1,"updated_at":1}""", """
                {"objectID":"k2","title":"Pot","first_listed":"1709374530.5","meta":{"modified_ms":"soon"}}""", """
                {"objectID":"k3","title":"Pan","first_listed":{"date":"2024"},"meta":{"modified_ms":99999999999999999}}"""),
                true);

        assertThat(page.skipped()).as("a timestamp never skips a product").isEmpty();
        ProductDetails kettle = page.products().get(0);
        assertThat(kettle.source().createdAt()).as("without an offset: UTC")
                .isEqualTo(Instant.parse("2024-01-07T12:30:00Z"));
        assertThat(kettle.source().updatedAt()).as("epoch milliseconds")
                .isEqualTo(Instant.parse("2024-11-20T08:00:00.123Z"));
        ProductDetails pot = page.products().get(1);
        assertThat(pot.source().createdAt()).as("fractional epoch seconds as text")
                .isEqualTo(Instant.parse("2024-03-02T10:15:30.500Z"));
        assertThat(pot.source().updatedAt()).isNull();
        ProductDetails pan = page.products().get(2);
        assertThat(pan.source().createdAt()).as("an object is no timestamp").isNull();
        assertThat(pan.source().updatedAt()).as("after the year 9999").isNull();
    }

    @Test
    void camelCaseTimestampAttributesAreDefaultsToo() throws IOException {
        CatalogPage page = new Pages().page(hits("""
                {"objectID":"c1","name":"Cup","createdAt":"2023-05-01T09:00:00+02:00","updatedAt":1717200000}"""),
                true);

        ProductDetails cup = page.products().get(0);
        assertThat(cup.source().createdAt()).isEqualTo(Instant.parse("2023-05-01T07:00:00Z"));
        assertThat(cup.source().updatedAt()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    }

    @Test
    void anAttributeMappingRedirectsFieldsIncludingNestedOnes() throws IOException {
        AlgoliaAttributeMapping mapping = AlgoliaAttributeMapping.of(Map.of("name", "label", "price", "pricing.USD",
                "currency", "pricing.code", "product_id", "parent", "brand", "maker", "image_urls", "thumb",
                "status", "visible"));
        CatalogPage page = new Pages(mapping).page(hits("""
                {"objectID":"v1","parent":"P1","label":"Kettle","name":"ignored","pricing":{"USD":35.5,"code":"USD"},
                 "maker":"Steam Co","thumb":"https://img.example.com/k.jpg","visible":false}""", """
                {"objectID":"v2","parent":"P1","label":"Kettle","pricing":{"USD":31,"code":"USD"},"visible":true}"""),
                true);

        ProductDetails kettle = page.products().get(0);
        assertThat(page.products()).hasSize(1);
        assertThat(kettle.source().externalId()).isEqualTo("P1");
        assertThat(kettle.name()).isEqualTo("Kettle");
        assertThat(kettle.price().toPlainString()).isEqualTo("31.00");
        assertThat(kettle.currency()).isEqualTo("USD");
        assertThat(kettle.brand()).isEqualTo("Steam Co");
        assertThat(kettle.imageUrls()).containsExactly("https://img.example.com/k.jpg");
        assertThat(kettle.status()).as("one visible variant makes the product active").isEqualTo("active");
    }

    @Test
    void anUnknownMappingFieldIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> AlgoliaAttributeMapping.of(Map.of("colour", "color")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'colour'").hasMessageContaining("name, price, product_category");
        assertThatThrownBy(() -> AlgoliaAttributeMapping.of(Map.of("name", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribute_mapping.name");
    }

    @Test
    void aProductSplitByAPageBoundaryComesOutWhole() throws IOException {
        Pages assembler = new Pages(SHOPIFY_VARIANTS);

        CatalogPage first = assembler.page(hits("""
                {"objectID":"a","title":"Alpha","price":5}""", """
                {"objectID":"v1","id":100,"title":"Tee","price":20,"tags":["x"]}""", """
                {"objectID":"v2","id":100,"title":"Tee","price":18,"tags":["y"]}"""), false);
        CatalogPage second = assembler.page(hits("""
                {"objectID":"v3","id":100,"title":"Tee","price":15,"tags":["z"]}""", """
                {"objectID":"b","title":"Beta"}"""), false);
        CatalogPage third = assembler.page(List.of(), true);

        assertThat(first.products()).extracting(p -> p.source().externalId()).containsExactly("a");
        assertThat(second.products()).extracting(p -> p.source().externalId()).containsExactly("100", "b");
        ProductDetails tee = second.products().get(0);
        assertThat(tee.price().toPlainString()).isEqualTo("15.00");
        assertThat(tee.tags()).containsExactly("x", "y", "z");
        assertThat(third.products()).isEmpty();
    }

    @Test
    void theLastProductIsHeldBackUntilTheNextPageAndReleasedAtTheEnd() throws IOException {
        Pages assembler = new Pages(SHOPIFY_VARIANTS);

        CatalogPage first = assembler.page(hits("""
                {"objectID":"v1","id":7,"title":"Cap","price":9}"""), false);
        CatalogPage last = assembler.page(List.of(), true);

        assertThat(first.products()).isEmpty();
        assertThat(last.products()).extracting(p -> p.source().externalId()).containsExactly("7");
    }

    @Test
    void aVariantArrivingAfterItsProductWasHandedOnIsSkippedNotDuplicated() throws IOException {
        Pages assembler = new Pages(SHOPIFY_VARIANTS);

        CatalogPage first = assembler.page(hits("""
                {"objectID":"v1","id":7,"title":"Cap","price":9}""", """
                {"objectID":"c","title":"Other"}"""), false);
        CatalogPage second = assembler.page(hits("""
                {"objectID":"v9","id":7,"title":"Cap","price":8}""", """
                {"objectID":"d","title":"Another"}"""), true);

        assertThat(first.products()).extracting(p -> p.source().externalId()).containsExactly("7", "c");
        assertThat(second.products()).extracting(p -> p.source().externalId()).containsExactly("d");
        assertThat(second.skipped()).isEmpty();
        assertThat(second.duplicates()).isEqualTo(1);
    }

    @Test
    void invalidProductsAreSkippedWithTheirReason() throws IOException {
        CatalogPage page = new Pages(SHOPIFY_VARIANTS).page(hits("""
                {"title":"No object id","id":5}""", """
                {"objectID":"n1","title":"   "}""", """
                {"objectID":"p1","title":"Bad price","price":"12,50"}""", """
                {"objectID":"p2","title":"Object price","price":{"amount":3}}""", """
                {"objectID":"p3","title":"Negative","price":-4}""", """
                {"objectID":"c1","title":"Bad currency","price":4,"currency":"euro"}""", """
                {"objectID":"v1","id":"G","title":"Group with one bad variant","price":4}""", """
                {"objectID":"v2","id":"G","title":"Group with one bad variant","price":"n/a"}""", """
                {"objectID":"t1","title":"Too many decimals","price":1.1234567}""", """
                {"objectID":"ok","title":"Fine","price":1}"""), true);

        assertThat(page.products()).extracting(p -> p.source().externalId()).containsExactly("ok");
        assertThat(page.skipped()).containsExactly(
                new SkippedProduct(null, "missing external id"),
                new SkippedProduct("n1", "missing name"),
                new SkippedProduct("p1", "unparsable price"),
                new SkippedProduct("p2", "unparsable price"),
                new SkippedProduct("p3", "unparsable price"),
                new SkippedProduct("c1", "invalid currency"),
                new SkippedProduct("G", "unparsable price"),
                new SkippedProduct("t1", "unparsable price"));
        assertThat(page.read()).isEqualTo(9);
    }

    @Test
    void hierarchicalCategoriesGiveTheDeepestLevelEvenAsLists() throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree("""
                {"objectID":"h","name":"Boot","hierarchicalCategories":
                  {"lvl0":["Shoes","Outdoor"],"lvl1":["Shoes > Boots","Outdoor > Hiking"],"lvl2":[]}}""");

        ProductDetails boot = new Pages().page(List.of(record), true).products().get(0);

        assertThat(boot.productCategory()).isEqualTo("Shoes > Boots");
    }
}
