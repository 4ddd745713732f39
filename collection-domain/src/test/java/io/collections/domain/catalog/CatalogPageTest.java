package io.collections.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.product.ProductDetails;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogPageTest {
    private static final ProductDetails MUG = ProductDetails.builder().name("Mug").build();

    @Test
    void aPageHasReadItsValidItsInvalidAndItsRepeatedListings() {
        CatalogPage page = new CatalogPage(List.of(MUG), List.of(new SkippedProduct("2", "missing name")), 3);

        assertThat(page.read()).isEqualTo(5);
        assertThat(page.skipped()).hasSize(1);
        assertThat(new CatalogPage(List.of(MUG), List.of()).duplicates()).isZero();
    }

    @Test
    void aPageCannotHaveReadFewerThanNoRepeats() {
        assertThatThrownBy(() -> new CatalogPage(List.of(), List.of(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicates");
    }
}
