package io.collections.domain.catalog;

import io.collections.domain.CatalogFetchException;
import java.util.function.Consumer;

/**
 * A provider's whole catalog, pulled page by page with the provider's own paging, normalized to our products.
 */
public interface CatalogSource {

    Provider provider();

    /**
     * Pulls every product of the account, handing each page to {@code pages} as it arrives.
     *
     * @throws CatalogFetchException when the provider refuses, cannot be reached, or keeps failing
     */
    FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages);
}
