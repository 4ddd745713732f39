package io.collections.domain.catalog;

import io.collections.domain.product.ProductDetails;
import java.util.List;

/**
 * One page of a provider's catalog, normalized: the valid products (each with its {@code source}) and the
 * ones skipped. Pages flow to the caller one at a time, so memory is bounded by a page.
 */
public record CatalogPage(List<ProductDetails> products, List<SkippedProduct> skipped) {
    public CatalogPage {
        products = List.copyOf(products);
        skipped = List.copyOf(skipped);
    }

    /** Every product read on this page, valid or not. */
    public int read() {
        return products.size() + skipped.size();
    }
}
