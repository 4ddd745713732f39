package io.collections.adapter.providers.fetch;

import io.collections.domain.InvalidInputException;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects one page of normalized products: each provider product is checked (an external id, a name, a price that
 * parses, values the model accepts), given its {@code source} (with the provider's timestamps), and kept or skipped
 * with its reason; another listing of a product whose id was already accepted is counted as a duplicate (read, but
 * neither imported again nor invalid), while an invalid one leaves its id free for a later valid listing.
 */
public final class PageBuilder {
    /** Keeps listing ids apart from external ids in the guard's memory. */
    private static final String LISTING = "listing\u0000";
    /** Keeps the ids of rejected products apart from those of accepted ones. */
    private static final String REJECTED = "rejected\u0000";
    private final String provider;
    private final String account;
    private final PagingGuard guard;
    private final List<ProductDetails> products = new ArrayList<>();
    private final List<SkippedProduct> skipped = new ArrayList<>();
    private int duplicates;
    private int repeated;

    PageBuilder(String provider, String account, PagingGuard guard) {
        this.provider = provider;
        this.account = account;
        this.guard = guard;
    }

    /**
     * Maps and keeps one product, or skips it.
     *
     * @param externalId the provider's own id, null when the record has none
     * @param mapping builds the product's attributes (without {@code source}); may throw {@link ProductRejected}
     */
    public void add(String externalId, Supplier<ProductDetails.Builder> mapping) {
        add(externalId, null, SourceTimes.NONE, mapping);
    }

    /**
     * Like {@link #add(String, Supplier)}, with when the provider says the product was created and updated, which
     * go into its {@code source}.
     */
    public void add(String externalId, SourceTimes times, Supplier<ProductDetails.Builder> mapping) {
        add(externalId, null, times, mapping);
    }

    /**
     * Like {@link #add(String, SourceTimes, Supplier)}, for a provider that can list one product more than once
     * under distinct listing ids (Google Merchant Center: one {@code offerId} in several feeds, each its own
     * resource {@code name}). A listing seen again is a repeat, which the paging guard counts; another listing of a
     * product already accepted is a duplicate but no sign of a paging loop. The first valid listing wins: an invalid
     * one is skipped with its reason and does not hide the others.
     *
     * @param listingId the record's own unique id, null when the record has none
     */
    public void add(String externalId, String listingId, SourceTimes times,
            Supplier<ProductDetails.Builder> mapping) {
        String listing = listingId == null || listingId.isBlank() ? null : LISTING + listingId.strip();
        if (listing != null && !guard.firstSighting(listing)) {
            repeated++;
            duplicates++;
            return;
        }
        if (externalId == null || externalId.isBlank()) {
            skipped.add(new SkippedProduct(null, SkipReasons.MISSING_EXTERNAL_ID));
            return;
        }
        String id = externalId.strip();
        if (guard.seen(id)) {
            if (listing == null) {
                repeated++;
            }
            duplicates++;
            return;
        }
        ProductDetails product;
        try {
            product = mapping.get().source(new ProductSource(provider, account, id, times.createdAt(),
                    times.updatedAt())).build();
        } catch (ProductRejected e) {
            rejected(id, listing, e.reason());
            return;
        } catch (InvalidInputException e) {
            rejected(id, listing, e.field().equals("name") && e.reason().contains("empty")
                    ? SkipReasons.MISSING_NAME : SkipReasons.invalid(e.field()));
            return;
        }
        // Only an accepted product makes its id a duplicate: a later valid listing of a rejected one is kept.
        guard.firstSighting(id);
        products.add(product);
    }

    /**
     * Skips an invalid product. Its id stays free for a valid listing, but the same invalid record read again is
     * still a repeat for the paging guard (a store that serves one page over and over).
     */
    private void rejected(String id, String listing, String reason) {
        skipped.add(new SkippedProduct(id, reason));
        if (listing == null && !guard.firstSighting(REJECTED + id)) {
            repeated++;
        }
    }

    /** Every product read on this page so far: valid, invalid or repeated. */
    public int read() {
        return products.size() + skipped.size() + duplicates;
    }

    int repeated() {
        return repeated;
    }

    CatalogPage build() {
        return new CatalogPage(products, skipped, duplicates);
    }
}
