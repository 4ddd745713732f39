package io.collections.application.imports;

import io.collections.domain.CatalogFetchException;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A provider serving a fixed catalog in pages, optionally failing after a number of pages. */
final class FakeCatalogSource implements CatalogSource {
    private final Provider provider;
    private final List<List<String>> pages;
    private int failAfterPages = -1;
    private String nameSuffix = "";

    FakeCatalogSource(Provider provider, List<List<String>> pages) {
        this.provider = provider;
        this.pages = pages;
    }

    FakeCatalogSource failingAfter(int pageCount) {
        this.failAfterPages = pageCount;
        return this;
    }

    FakeCatalogSource renaming(String suffix) {
        this.nameSuffix = suffix;
        return this;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> consumer) {
        long fetched = 0;
        long skipped = 0;
        for (int page = 0; page < pages.size(); page++) {
            if (page == failAfterPages) {
                throw new CatalogFetchException(provider.pathName(), CatalogFetchException.Reason.UNAVAILABLE,
                        "kept failing after 6 attempts");
            }
            List<ProductDetails> products = new ArrayList<>();
            List<SkippedProduct> skips = new ArrayList<>();
            for (String externalId : pages.get(page)) {
                if (externalId.startsWith("bad")) {
                    skips.add(new SkippedProduct(externalId, "missing name"));
                    continue;
                }
                products.add(ProductDetails.builder().name("Product " + externalId + nameSuffix)
                        .productType("Gadget").price(new BigDecimal("9.99")).currency("USD")
                        .imageUrls(List.of("https://cdn.example/" + externalId + ".jpg", "https://cdn.example/shared.jpg"))
                        .source(new ProductSource(provider.pathName(), account.account(), externalId)).build());
            }
            fetched += products.size() + skips.size();
            skipped += skips.size();
            consumer.accept(new CatalogPage(products, skips));
        }
        return new FetchSummary(fetched, skipped, skipped == 0 ? Map.of() : Map.of("missing name", skipped), 0,
                pages.size(), 0, Duration.ZERO);
    }
}
