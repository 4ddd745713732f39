package io.collections.domain.product;

import static io.collections.domain.Fixtures.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductSourceTest {
    private static final Instant CREATED = Instant.parse("2024-01-07T12:30:00Z");
    private static final Instant UPDATED = Instant.parse("2024-06-01T08:15:00Z");

    @Test
    void keepsTheProvidersTimestamps() {
        ProductSource source = new ProductSource("shopify", "acme.myshopify.com", "632910392", CREATED, UPDATED);

        assertThat(source.createdAt()).isEqualTo(CREATED);
        assertThat(source.updatedAt()).isEqualTo(UPDATED);
        assertThat(details().source(source).build().source()).isEqualTo(source);
    }

    @Test
    void eitherTimestampMayBeMissing() {
        ProductSource onlyUpdated = new ProductSource("algolia", "APP/products", "sku-1", null, UPDATED);

        assertThat(onlyUpdated.createdAt()).isNull();
        assertThat(onlyUpdated.updatedAt()).isEqualTo(UPDATED);
        assertThat(new ProductSource("shopify", "shop", "1"))
                .isEqualTo(new ProductSource("shopify", "shop", "1", null, null));
    }

    @Test
    void theTimestampsTakePartInEquality() {
        ProductSource before = new ProductSource("woocommerce", "https://shop.example", "794", CREATED, CREATED);
        ProductSource after = new ProductSource("woocommerce", "https://shop.example", "794", CREATED, UPDATED);

        assertThat(before).isNotEqualTo(after);
        assertThat(details().source(before).build()).isNotEqualTo(details().source(after).build());
    }

    @Test
    void timestampsAreKeptToTheMillisecond() {
        ProductSource source = new ProductSource("google-merchant", "1234567", "SKU-1",
                Instant.parse("2026-03-02T10:15:30.123456789Z"), Instant.parse("2026-03-02T10:15:30.999999Z"));

        assertThat(source.createdAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30.123Z"));
        assertThat(source.updatedAt()).isEqualTo(Instant.parse("2026-03-02T10:15:30.999Z"));
    }

    @Test
    void refusesTimestampsOutsideFourDigitYears() {
        assertThatThrownBy(() -> new ProductSource("shopify", "shop", "1", Instant.parse("+10000-01-01T00:00:00Z"),
                null)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("source.created_at");
                    assertThat(e.reason()).contains("0001 and 9999");
                });
        assertThatThrownBy(() -> new ProductSource("shopify", "shop", "1", null, Instant.parse("-0001-12-31T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("source.updated_at"));
        assertThat(ProductSource.inRange(ProductSource.EARLIEST)).isTrue();
        assertThat(ProductSource.inRange(ProductSource.LATEST)).isTrue();
        assertThat(ProductSource.inRange(ProductSource.LATEST.plusMillis(1))).isFalse();
        assertThat(ProductSource.inRange(ProductSource.EARLIEST.minusMillis(1))).isFalse();
    }

    @Test
    void theIdentifyingPartsAreStillRequired() {
        assertThatThrownBy(() -> new ProductSource("shopify", " ", "1", CREATED, UPDATED))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("source.account"));
    }
}
