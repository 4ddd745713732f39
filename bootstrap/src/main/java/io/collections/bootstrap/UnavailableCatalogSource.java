package io.collections.bootstrap;

import io.collections.domain.CatalogFetchException;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import java.util.function.Consumer;

/** A provider this build has no fetcher for: every import from it fails as unavailable (502), naming it. */
final class UnavailableCatalogSource implements CatalogSource {
    private final Provider provider;

    UnavailableCatalogSource(Provider provider) {
        this.provider = provider;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public FetchSummary fetch(ProviderAccount account, Consumer<CatalogPage> pages) {
        throw new CatalogFetchException(provider.pathName(), CatalogFetchException.Reason.UNAVAILABLE,
                "this server has no fetcher for " + provider.pathName());
    }
}
