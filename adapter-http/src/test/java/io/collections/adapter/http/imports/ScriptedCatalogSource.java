package io.collections.adapter.http.imports;

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

/**
 * A provider serving pages of external ids: ids starting with {@code bad} are skipped as invalid, ids starting with
 * {@code again} stand for a listing of a product already taken (a duplicate); it can be told to fail with a reason
 * after some pages. It remembers the accounts it was asked for.
 */
final class ScriptedCatalogSource implements CatalogSource {
    private final Provider provider;
    private volatile List<List<String>> pages;
    private volatile CatalogFetchException.Reason failure;
    private volatile int failAfterPages;
    final List<ProviderAccount> accounts = new java.util.concurrent.CopyOnWriteArrayList<>();

    ScriptedCatalogSource(Provider provider, List<List<String>> pages) {
        this.provider = provider;
        this.pages = pages;
    }

    void serve(List<List<String>> newPages) {
        this.pages = newPages;
        this.failure = null;
    }

    void failAfter(int pageCount, CatalogFetchException.Reason reason) {
        this.failAfterPages = pageCount;
        this.failure = reason;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> consumer) {
        accounts.add(account);
        long fetched = 0;
        long skipped = 0;
        long duplicates = 0;
        List<List<String>> served = pages;
        for (int page = 0; page < served.size(); page++) {
            if (failure != null && page == failAfterPages) {
                throw new CatalogFetchException(provider.pathName(), failure, "refused for the test (" + failure + ")");
            }
            List<ProductDetails> products = new ArrayList<>();
            List<SkippedProduct> skips = new ArrayList<>();
            int repeats = 0;
            for (String externalId : served.get(page)) {
                if (externalId.startsWith("again")) {
                    repeats++;
                    continue;
                }
                if (externalId.startsWith("bad")) {
                    skips.add(new SkippedProduct(externalId, "missing name"));
                    continue;
                }
                products.add(ProductDetails.builder().name("Product " + externalId).productType("Gadget")
                        .price(new BigDecimal("9.99")).currency("USD")
                        .imageUrls(List.of("https://cdn.example/" + externalId + ".jpg", "https://cdn.example/logo.jpg"))
                        .source(new ProductSource(provider.pathName(), account.account(), externalId)).build());
            }
            fetched += products.size() + skips.size() + repeats;
            skipped += skips.size();
            duplicates += repeats;
            consumer.accept(new CatalogPage(products, skips, repeats));
        }
        if (failure != null && failAfterPages >= served.size()) {
            throw new CatalogFetchException(provider.pathName(), failure, "refused for the test (" + failure + ")");
        }
        return new FetchSummary(fetched, skipped, skipped == 0 ? Map.of() : Map.of("missing name", skipped),
                duplicates, served.size(), 0, Duration.ZERO);
    }
}
