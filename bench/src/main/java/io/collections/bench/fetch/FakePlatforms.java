package io.collections.bench.fetch;

import io.collections.domain.catalog.Provider;

/** The fakes the fetch benchmark can run against; one line per platform. */
final class FakePlatforms {
    private FakePlatforms() {
    }

    static FakePlatform create(Provider provider, int size) {
        return switch (provider) {
            case SHOPIFY -> new FakeShopifyPlatform(size);
            case WOOCOMMERCE -> new FakeWooCommercePlatform(size);
            case GOOGLE_MERCHANT -> new FakeGoogleMerchantPlatform(size);
            case ALGOLIA -> new FakeAlgoliaPlatform(size);
        };
    }
}
