package io.collections.adapter.providers;

import io.collections.adapter.providers.algolia.AlgoliaCatalogSource;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.googlemerchant.GoogleMerchantCatalogSource;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.adapter.providers.shopify.ShopifyCatalogSource;
import io.collections.adapter.providers.woocommerce.WooCommerceCatalogSource;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog fetchers of this build, one per provider, all on one {@link OutboundHttp} (one OkHttp client, one
 * retry policy, one outbound guard). Bootstrap makes one of these and hands {@link #all()} to the import use case
 * and to the {@code fetch} command.
 */
public final class CatalogSources {
    private final Map<Provider, CatalogSource> sources = new EnumMap<>(Provider.class);

    /** Fetchers over the given outbound HTTP; tests pass one with a fake resolver, sleeper and clock. */
    public CatalogSources(ProviderSettings settings, OutboundHttp outbound) {
        register(settings, outbound);
    }

    /** Fetchers with real DNS, real waiting and the system clock. */
    public static CatalogSources standard(ProviderSettings settings) {
        return new CatalogSources(settings, OutboundHttp.standard(settings.allowPrivateNetwork(), settings.timeouts(),
                settings.retryPolicy()));
    }

    /** One line per provider; a provider without a line has no fetcher in this build. */
    private void register(ProviderSettings settings, OutboundHttp outbound) {
        sources.put(Provider.SHOPIFY, new ShopifyCatalogSource(outbound, settings));
        sources.put(Provider.WOOCOMMERCE, new WooCommerceCatalogSource(outbound, settings));
        sources.put(Provider.GOOGLE_MERCHANT, new GoogleMerchantCatalogSource(outbound, settings));
        sources.put(Provider.ALGOLIA, new AlgoliaCatalogSource(outbound, settings));
    }

    public Optional<CatalogSource> forProvider(Provider provider) {
        return Optional.ofNullable(sources.get(provider));
    }

    public Map<Provider, CatalogSource> all() {
        return Map.copyOf(sources);
    }
}
