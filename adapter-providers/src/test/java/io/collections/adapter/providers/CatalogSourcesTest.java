package io.collections.adapter.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.testing.FakeTime;
import io.collections.adapter.providers.testing.TestOutbound;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.Provider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogSourcesTest {

    @Test
    void each_fetcher_is_registered_under_the_provider_it_serves() {
        ProviderSettings settings = TestOutbound.settings();
        CatalogSources sources = new CatalogSources(settings, TestOutbound.outbound(settings, new FakeTime()));

        Map<Provider, CatalogSource> all = sources.all();
        assertThat(all).containsKeys(Provider.SHOPIFY, Provider.WOOCOMMERCE);
        all.forEach((provider, source) -> assertThat(source.provider()).isEqualTo(provider));
        assertThat(sources.forProvider(Provider.SHOPIFY)).containsSame(all.get(Provider.SHOPIFY));
    }

    @Test
    void the_standard_factory_builds_with_production_defaults() {
        assertThat(CatalogSources.standard(ProviderSettings.defaults()).forProvider(Provider.WOOCOMMERCE))
                .hasValueSatisfying(source -> assertThat(source.provider()).isEqualTo(Provider.WOOCOMMERCE));
    }
}
