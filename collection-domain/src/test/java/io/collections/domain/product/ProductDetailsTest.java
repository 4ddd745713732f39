package io.collections.domain.product;

import static io.collections.domain.Fixtures.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductDetailsTest {

    private static void refused(ThrowingCallable build, String field, String reason) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(reason);
        });
    }

    @Test
    void nameIsTrimmedAndRequired() {
        assertThat(details().name("  Lamp \n").build().name()).isEqualTo("Lamp");
        refused(() -> ProductDetails.builder().build(), "name", "must not be empty");
        refused(() -> details().name("   ").build(), "name", "must not be empty");
        assertThat(details().name("n".repeat(255)).build().name()).hasSize(255);
        refused(() -> details().name("n".repeat(256)).build(), "name", "at most 255");
    }

    @Test
    void negativeDecimalsAreRefused() {
        refused(() -> details().price(new BigDecimal("-0.01")).build(), "price", "must not be negative");
        refused(() -> details().weight(new BigDecimal("-1")).build(), "weight", "must not be negative");
        refused(() -> details().length(new BigDecimal("-1")).build(), "length", "must not be negative");
        assertThat(details().price(BigDecimal.ZERO).build().price()).isZero();
        assertThat(details().price(new BigDecimal("12.50")).build().price()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void decimalsHaveBoundedDigits() {
        assertThat(details().price(new BigDecimal("999999999999999.999999")).build().price()).isNotNull();
        refused(() -> details().price(new BigDecimal("1000000000000000")).build(), "price", "15 digits");
        refused(() -> details().price(new BigDecimal("0.0000001")).build(), "price", "6 after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "JPY"})
    void currencyOfThreeCapitalLetters(String currency) {
        assertThat(details().currency(currency).build().currency()).isEqualTo(currency);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "Usd", "US", "USDT", "", " USD", "U5D", "ÄBC", "\u0130SD"})
    void otherCurrenciesAreRefused(String currency) {
        refused(() -> details().currency(currency).build(), "currency", "three capital letters");
    }

    @ParameterizedTest
    @NullSource
    void currencyMayBeMissing(String currency) {
        assertThat(details().currency(currency).build().currency()).isNull();
    }

    @Test
    void tagsAreDeduplicatedInOrder() {
        ProductDetails product = details().tags(List.of("b", "a", "b", "Sale", "a", "sale")).build();
        assertThat(product.tags()).containsExactly("b", "a", "Sale", "sale");
        assertThat(product.folded().tags()).as("folded tags collapse case variants").containsExactly("b", "a",
                "sale");
        assertThat(details().tags(null).build().tags()).isEmpty();
        assertThat(details().build().tags()).isEmpty();
    }

    @Test
    void blankOrNullTagsAreRefused() {
        refused(() -> details().tags(List.of("ok", " ")).build(), "tags", "must not contain empty values");
        refused(() -> details().tags(List.of("")).build(), "tags", "must not contain empty values");
        refused(() -> details().tags(Arrays.asList("ok", null)).build(), "tags", "must not contain empty values");
        refused(() -> details().tags(List.of("t".repeat(256))).build(), "tags", "at most 255");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            many.add("tag" + i);
        }
        refused(() -> details().tags(many).build(), "tags", "at most 250");
        assertThat(details().tags(many.subList(0, 250)).build().tags()).hasSize(250);
    }

    @Test
    void tagListIsACopy() {
        List<String> tags = new ArrayList<>(List.of("a"));
        ProductDetails product = details().tags(tags).build();
        tags.add("b");
        assertThat(product.tags()).containsExactly("a");
        assertThatThrownBy(() -> product.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void textLimits() {
        refused(() -> details().brand("b".repeat(256)).build(), "brand", "at most 255");
        refused(() -> details().status("s".repeat(65)).build(), "status", "at most 64");
        refused(() -> details().imageUrls(List.of("u".repeat(2049))).build(), "image_urls", "at most 2048");
    }

    @Test
    void equalityComparesDecimalsByValueAndToBuilderCopies() {
        ProductDetails a = details().price(new BigDecimal("10")).tags(List.of("x")).brand("B").build();
        ProductDetails b = details().price(new BigDecimal("10.00")).tags(List.of("x")).brand("B").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toBuilder().brand("C").build()).isNotEqualTo(a);
    }

    @Test
    void foldedAttributesAreComputedOnceAndFolded() {
        ProductDetails product = details().name("STRASSE").brand("Caf\u00e9").productType("GADGET").build();
        FoldedAttributes folded = product.folded();
        assertThat(product.folded()).isSameAs(folded);
        assertThat(folded.name()).isEqualTo("strasse");
        assertThat(folded.brand()).isEqualTo("caf\u00e9");
        assertThat(folded.productType()).isEqualTo("gadget");
        assertThat(folded.productCode()).isNull();
    }

    @Test
    void sourceNeedsEveryPart() {
        refused(() -> new ProductSource("shopify", "shop", " "), "source.external_id", "must not be empty");
        refused(() -> new ProductSource(null, "shop", "1"), "source.provider", "must not be empty");
        assertThat(details().source(new ProductSource("shopify", "shop", "1")).build().source().externalId())
                .isEqualTo("1");
    }
}
