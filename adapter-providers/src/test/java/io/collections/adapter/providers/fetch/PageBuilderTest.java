package io.collections.adapter.providers.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageBuilderTest {
    private final PagingGuard guard = new PagingGuard("woocommerce", 10);

    @Test
    void keeps_valid_products_with_their_source_and_skips_the_rest_with_reasons() {
        PageBuilder page = new PageBuilder("woocommerce", "https://shop.example.com", guard);
        page.add("1", () -> ProductDetails.builder().name("Mug").price(Prices.parse("12.50")).currency("EUR"));
        page.add(null, () -> ProductDetails.builder().name("No id"));
        page.add("2", () -> ProductDetails.builder().name("  "));
        page.add("3", () -> ProductDetails.builder().name("Bad price").price(Prices.parse("12,50")));
        page.add("4", () -> ProductDetails.builder().name("Bad currency").currency("euro"));
        page.add("1", () -> ProductDetails.builder().name("Mug again"));

        CatalogPage built = page.build();
        assertThat(built.products()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Mug");
            assertThat(p.price()).isEqualByComparingTo(new BigDecimal("12.50"));
            assertThat(p.source()).isEqualTo(new ProductSource("woocommerce", "https://shop.example.com", "1"));
        });
        assertThat(built.skipped()).containsExactly(
                new SkippedProduct(null, SkipReasons.MISSING_EXTERNAL_ID),
                new SkippedProduct("2", SkipReasons.MISSING_NAME),
                new SkippedProduct("3", SkipReasons.UNPARSABLE_PRICE),
                new SkippedProduct("4", "invalid currency"));
        assertThat(built.duplicates()).as("listed again, not invalid").isEqualTo(1);
        assertThat(page.read()).isEqualTo(6);
        assertThat(page.repeated()).isEqualTo(1);
    }

    @Test
    void prices_are_exact_decimals() {
        assertThat(Prices.parse("19.90")).isEqualTo(new BigDecimal("19.90"));
        assertThat(Prices.parse("")).isNull();
        assertThat(Prices.parse(null)).isNull();
        assertThat(Prices.fromMicros("24990000")).isEqualTo(new BigDecimal("24.99"));
        assertThat(Prices.fromMicros("24000000")).isEqualTo(new BigDecimal("24.00"));
        assertThat(Prices.fromMicros("1234567")).isEqualTo(new BigDecimal("1.234567"));
        assertThat(Prices.fromNumber(new BigDecimal("0.1"))).isEqualTo(new BigDecimal("0.1"));
        for (String bad : List.of("abc", "-1.00", "1e3", "1,5", "12.1234567", "NaN")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Prices.parse(bad)).as(bad)
                    .isInstanceOf(ProductRejected.class).hasMessage(SkipReasons.UNPARSABLE_PRICE);
        }
    }

    @Test
    void another_listing_of_a_product_is_a_duplicate_but_a_listing_seen_again_is_a_repeat() {
        PageBuilder first = new PageBuilder("google-merchant", "1234567", guard);
        first.add("SKU1", "accounts/1234567/products/en~US~SKU1", SourceTimes.NONE, () -> ProductDetails.builder().name("Mug"));
        first.add("SKU1", "accounts/1234567/products/en~GB~SKU1", SourceTimes.NONE, () -> ProductDetails.builder().name("Mug"));
        PageBuilder again = new PageBuilder("google-merchant", "1234567", guard);
        again.add("SKU1", "accounts/1234567/products/en~US~SKU1", SourceTimes.NONE, () -> ProductDetails.builder().name("Mug"));

        assertThat(first.build().products()).hasSize(1);
        assertThat(first.build().skipped()).isEmpty();
        assertThat(first.build().duplicates()).isEqualTo(1);
        assertThat(first.repeated()).isZero();
        assertThat(again.build().skipped()).isEmpty();
        assertThat(again.build().duplicates()).isEqualTo(1);
        assertThat(again.repeated()).isEqualTo(1);
    }

    @Test
    void the_first_valid_listing_wins_over_an_invalid_one_before_it() {
        PageBuilder page = new PageBuilder("google-merchant", "1234567", guard);
        String listing = "accounts/1234567/products/";
        page.add("A7", listing + "en~US~A7", SourceTimes.NONE, ProductDetails::builder);
        page.add("A7", listing + "en~GB~A7", SourceTimes.NONE, () -> ProductDetails.builder().name("Mug"));
        page.add("A7", listing + "fr~FR~A7", SourceTimes.NONE, () -> ProductDetails.builder().name("Tasse"));

        assertThat(page.build().products()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("Mug"));
        assertThat(page.build().skipped()).containsExactly(new SkippedProduct("A7", SkipReasons.MISSING_NAME));
        assertThat(page.build().duplicates()).isEqualTo(1);
        assertThat(page.repeated()).isZero();
    }

    @Test
    void an_invalid_product_does_not_hide_a_valid_one_with_its_id_but_read_again_it_is_a_repeat() {
        PageBuilder page = new PageBuilder("woocommerce", "https://shop.example.com", guard);
        page.add("5", () -> ProductDetails.builder().name("Bad price").price(Prices.parse("12,50")));
        page.add("5", () -> ProductDetails.builder().name("Bad price").price(Prices.parse("12,50")));
        page.add("6", () -> ProductDetails.builder().name(" "));
        page.add("6", () -> ProductDetails.builder().name("Mug"));

        assertThat(page.build().products()).extracting(p -> p.source().externalId()).containsExactly("6");
        assertThat(page.build().skipped()).containsExactly(new SkippedProduct("5", SkipReasons.UNPARSABLE_PRICE),
                new SkippedProduct("5", SkipReasons.UNPARSABLE_PRICE),
                new SkippedProduct("6", SkipReasons.MISSING_NAME));
        assertThat(page.repeated()).isEqualTo(1);
    }

    @Test
    void the_providers_timestamps_go_into_the_source() {
        PageBuilder page = new PageBuilder("shopify", "acme.myshopify.com", guard);
        Instant created = Instant.parse("2023-11-20T08:30:00Z");
        page.add("9", new SourceTimes(created, null), () -> ProductDetails.builder().name("Mug"));

        assertThat(page.build().products()).singleElement().satisfies(p -> assertThat(p.source())
                .isEqualTo(new ProductSource("shopify", "acme.myshopify.com", "9", created, null)));
    }
}
