package io.collections.domain.catalog;

import io.collections.domain.product.ProductDetails;
import java.util.List;

/**
 * One page of a provider's catalog, normalized: the valid products (each with its {@code source}), the invalid ones
 * skipped, and how many listings repeated a product this fetch had already taken (the same id on a later page, one
 * offer in several feeds). A repeat is read but neither imported again nor invalid. Pages flow to the caller one at
 * a time, so memory is bounded by a page.
 */
public record CatalogPage(List<ProductDetails> products, List<SkippedProduct> skipped, int duplicates) {
    public CatalogPage {
        products = List.copyOf(products);
        skipped = List.copyOf(skipped);
        if (duplicates < 0) {
            throw new IllegalArgumentException("duplicates must not be negative: " + duplicates);
        }
    }

    /** A page without repeated listings. */
    public CatalogPage(List<ProductDetails> products, List<SkippedProduct> skipped) {
        this(products, skipped, 0);
    }

    /** Every product read on this page: valid, invalid or repeated. */
    public int read() {
        return products.size() + skipped.size() + duplicates;
    }
}
