package io.collections.adapter.providers.googlemerchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.adapter.providers.fetch.PageBuilder;
import io.collections.adapter.providers.testing.FetchRunHarness;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.GoogleMerchantAccount;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleMerchantProductMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Instant DURING_SALE = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant AFTER_SALE = Instant.parse("2027-01-01T00:00:00Z");

    private static final GoogleMerchantAccount ACCOUNT = new GoogleMerchantAccount("1234567", "ya29.token");

    private static ObjectNode fixture() throws IOException {
        try (InputStream in = GoogleMerchantProductMapperTest.class.getResourceAsStream("/googlemerchant/product-full.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static ProductDetails map(JsonNode product, Instant now) {
        CatalogPage page = FetchRunHarness.of(ACCOUNT).page(builder -> add(builder, product, now));
        assertThat(page.skipped()).isEmpty();
        return page.products().get(0);
    }

    private static void add(PageBuilder page, JsonNode product, Instant now) {
        GoogleMerchantProductMapper mapper = new GoogleMerchantProductMapper(now);
        page.add(GoogleMerchantProductMapper.externalId(product), GoogleMerchantProductMapper.times(product),
                () -> mapper.map(product));
    }

    @Test
    void mapsEveryFieldOfARealisticProduct() throws IOException {
        ProductDetails product = map(fixture(), DURING_SALE);

        assertThat(product.name()).isEqualTo("Trail Runner 42");
        assertThat(product.source()).isEqualTo(new ProductSource("google-merchant", "1234567", "SKU-RUN-42",
                Instant.parse("2026-03-02T10:15:30Z"), Instant.parse("2026-11-20T08:00:00Z")));
        assertThat(product.productCode()).isEqualTo("SKU-RUN-42");
        assertThat(product.productType()).isEqualTo("Trail");
        assertThat(product.productCategory()).isEqualTo("Apparel & Accessories > Shoes");
        assertThat(product.brand()).isEqualTo("Acme Outdoor");
        assertThat(product.tags()).containsExactly("summer", "bestseller");
        assertThat(product.price()).isEqualByComparingTo("99.50");
        assertThat(product.price().toPlainString()).isEqualTo("99.50");
        assertThat(product.currency()).isEqualTo("USD");
        assertThat(product.hasPricing()).isTrue();
        assertThat(product.hasDetails()).isTrue();
        assertThat(product.imageUrls()).containsExactly("https://cdn.example.com/img/trail-runner-42.jpg",
                "https://cdn.example.com/img/trail-runner-42-side.jpg",
                "https://cdn.example.com/img/trail-runner-42-sole.jpg");
        assertThat(product.status()).isEqualTo("active");
        assertThat(product.published()).isTrue();
        assertThat(product.weight()).isEqualByComparingTo("0.85");
        assertThat(product.weightUnit()).isEqualTo("kg");
        assertThat(product.length().toPlainString()).isEqualTo("34");
        assertThat(product.width().toPlainString()).isEqualTo("22.5");
        assertThat(product.height().toPlainString()).isEqualTo("12");
        assertThat(product.sizeUnit()).isEqualTo("cm");
    }

    @Test
    void timestampsAreReadAsProtobufTimestampsWithAnyFractionOrOffset() throws IOException {
        ObjectNode product = fixture();
        ObjectNode status = (ObjectNode) product.get("productStatus");
        status.put("creationDate", "2026-03-02T10:15:30.123456789Z");
        status.put("lastUpdateDate", "2026-11-20T09:00:00+01:00");

        ProductDetails mapped = map(product, DURING_SALE);

        assertThat(mapped.source().createdAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30.123Z"));
        assertThat(mapped.source().updatedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    }

    @Test
    void missingOrUnparsableTimestampsAreNullAndSkipNothing() throws IOException {
        ObjectNode product = fixture();
        ObjectNode status = (ObjectNode) product.get("productStatus");
        status.remove("creationDate");
        status.put("lastUpdateDate", "20 Nov 2026");

        ProductDetails mapped = map(product, DURING_SALE); // asserts that nothing was skipped

        assertThat(mapped.source().createdAt()).isNull();
        assertThat(mapped.source().updatedAt()).isNull();
        assertThat(mapped.name()).isEqualTo("Trail Runner 42");
    }

    @Test
    void theRegularPriceAppliesOutsideTheSalePeriod() throws IOException {
        ProductDetails product = map(fixture(), AFTER_SALE);

        assertThat(product.price().toPlainString()).isEqualTo("129.99");
    }

    @Test
    void aSalePriceWithoutAPeriodAlwaysApplies() throws IOException {
        ObjectNode product = fixture();
        ((ObjectNode) product.get("productAttributes")).remove("salePriceEffectiveDate");

        assertThat(map(product, AFTER_SALE).price().toPlainString()).isEqualTo("99.50");
    }

    @ParameterizedTest
    @CsvSource({
        "24000000, 24.00",
        "24990000, 24.99",
        "1, 0.000001",
        "123456789, 123.456789",
        "0, 0.00",
    })
    void microsBecomeExactDecimals(String micros, String expected) {
        assertThat(GoogleMerchantProductMapper.micros(JSON.getNodeFactory().textNode(micros)).toPlainString())
                .isEqualTo(expected);
    }

    @Test
    void microsAsAJsonNumberAreReadToo() {
        assertThat(GoogleMerchantProductMapper.micros(JSON.getNodeFactory().numberNode(5_000_000L)))
                .isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void aPriceWithoutAmountIsFreeBecauseProto3OmitsZeros() throws IOException {
        ObjectNode product = fixture();
        ObjectNode attributes = (ObjectNode) product.get("productAttributes");
        attributes.remove("salePrice");
        attributes.putObject("price").put("currencyCode", "EUR");

        ProductDetails mapped = map(product, DURING_SALE);

        assertThat(mapped.price().toPlainString()).isEqualTo("0.00");
        assertThat(mapped.currency()).isEqualTo("EUR");
    }

    @Test
    void aProductWithoutPriceHasNone() throws IOException {
        ObjectNode product = fixture();
        ObjectNode attributes = (ObjectNode) product.get("productAttributes");
        attributes.remove("salePrice");
        attributes.remove("price");

        ProductDetails mapped = map(product, DURING_SALE);

        assertThat(mapped.price()).isNull();
        assertThat(mapped.currency()).isNull();
        assertThat(mapped.hasPricing()).isFalse();
    }

    @Test
    void withoutAnyApprovedCountryTheProductIsInactive() throws IOException {
        ObjectNode product = fixture();
        ObjectNode status = (ObjectNode) product.get("productStatus");
        status.putArray("destinationStatuses").addObject().put("reportingContext", "SHOPPING_ADS")
                .putArray("disapprovedCountries").add("US");

        ProductDetails mapped = map(product, DURING_SALE);

        assertThat(mapped.status()).isEqualTo("inactive");
        assertThat(mapped.published()).isFalse();
    }

    @Test
    void aProductNotYetProcessedIsInactive() throws IOException {
        ObjectNode product = fixture();
        product.remove("productStatus");

        assertThat(map(product, DURING_SALE).status()).isEqualTo("inactive");
    }

    @Test
    void withoutGoogleCategoryTheMerchantsOwnPathIsTheCategory() throws IOException {
        ObjectNode product = fixture();
        ((ObjectNode) product.get("productAttributes")).remove("googleProductCategory");

        ProductDetails mapped = map(product, DURING_SALE);

        assertThat(mapped.productCategory()).isEqualTo("Shoes > Running > Trail");
        assertThat(mapped.productType()).isEqualTo("Trail");
    }

    @Test
    void aMinimalProductMapsWithEmptyListsAndNulls() throws IOException {
        JsonNode product = JSON.readTree("""
                {"name":"accounts/1/products/en~US~A1","offerId":"A1","productAttributes":{"title":"Mug"}}""");

        ProductDetails mapped = map(product, DURING_SALE);

        assertThat(mapped.name()).isEqualTo("Mug");
        assertThat(mapped.tags()).isEmpty();
        assertThat(mapped.imageUrls()).isEmpty();
        assertThat(mapped.brand()).isNull();
        assertThat(mapped.productType()).isNull();
        assertThat(mapped.productCategory()).isNull();
        assertThat(mapped.weight()).isNull();
        assertThat(mapped.length()).isNull();
    }

    @Test
    void theTitleAtTheTopLevelIsNotTheProductsTitle() throws IOException {
        JsonNode product = JSON.readTree("""
                {"name":"accounts/1/products/en~US~A1","offerId":"A1","title":"Old v1beta place","productAttributes":{}}""");

        CatalogPage page = FetchRunHarness.of(ACCOUNT).page(builder -> add(builder, product, DURING_SALE));

        assertThat(page.products()).isEmpty();
        assertThat(page.skipped()).containsExactly(new SkippedProduct("A1", "missing name"));
    }

    @Test
    void invalidProductsAreSkippedWithTheirReason() throws IOException {
        String[] products = {
            """
            {"name":"accounts/1/products/en~US~","productAttributes":{"title":"No offer id"}}""",
            """
            {"offerId":"B2","productAttributes":{"title":"   "}}""",
            """
            {"offerId":"B3","productAttributes":{"title":"Half micro","price":{"amountMicros":"1.5","currencyCode":"USD"}}}""",
            """
            {"offerId":"B4","productAttributes":{"title":"Words","price":{"amountMicros":"twelve","currencyCode":"USD"}}}""",
            """
            {"offerId":"B5","productAttributes":{"title":"Negative","price":{"amountMicros":"-1000000","currencyCode":"USD"}}}""",
            """
            {"offerId":"B6","productAttributes":{"title":"Dollars","price":{"amountMicros":"1000000","currencyCode":"dollars"}}}""",
            """
            {"offerId":"B7","productAttributes":{"title":"%s"}}""".formatted("x".repeat(300)),
        };
        List<JsonNode> nodes = new ArrayList<>();
        for (String product : products) {
            nodes.add(JSON.readTree(product));
        }

        CatalogPage page = FetchRunHarness.of(ACCOUNT).page(builder -> nodes.forEach(n -> add(builder, n, DURING_SALE)));

        assertThat(page.products()).isEmpty();
        assertThat(page.skipped()).containsExactly(
                new SkippedProduct(null, "missing external id"),
                new SkippedProduct("B2", "missing name"),
                new SkippedProduct("B3", "unparsable price"),
                new SkippedProduct("B4", "unparsable price"),
                new SkippedProduct("B5", "unparsable price"),
                new SkippedProduct("B6", "invalid currency"),
                new SkippedProduct("B7", "invalid name"));
    }

    @Test
    void aLowercaseCurrencyCodeIsAccepted() throws IOException {
        JsonNode product = JSON.readTree("""
                {"offerId":"C1","productAttributes":{"title":"Cup","price":{"amountMicros":"2500000","currencyCode":"eur"}}}""");

        assertThat(map(product, DURING_SALE).currency()).isEqualTo("EUR");
    }
}
