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
            default -> throw new IllegalArgumentException("no benchmark fake for " + provider.pathName() + " yet");
        };
    }
}
