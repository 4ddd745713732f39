package io.collections.adapter.providers.fetch;

import io.collections.adapter.providers.http.RetryPolicy;
import io.collections.adapter.providers.http.Timeouts;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * How the fetchers reach the providers: whether user-given hosts may be private, Google's and Algolia's base URLs
 * (scheme, host and port; the fetcher appends the API path), the pinned Shopify Admin API version, timeouts, the
 * retry budget and the most pages one fetch may take.
 *
 * @param algoliaBaseUrl empty means the application's own host, {@code https://{application_id}-dsn.algolia.net}
 */
public record ProviderSettings(boolean allowPrivateNetwork, HttpUrl googleMerchantBaseUrl,
        Optional<HttpUrl> algoliaBaseUrl, String shopifyApiVersion, Timeouts timeouts, RetryPolicy retryPolicy,
        int pageCap) {
    public static final HttpUrl GOOGLE_MERCHANT_API = HttpUrl.get("https://merchantapi.googleapis.com/");
    public static final String SHOPIFY_API_VERSION = "2025-10";
    /** Pages of one fetch at most: 25 million Shopify products, 10 million WooCommerce products. */
    public static final int PAGE_CAP = 100_000;

    public ProviderSettings {
        Objects.requireNonNull(googleMerchantBaseUrl, "googleMerchantBaseUrl");
        Objects.requireNonNull(algoliaBaseUrl, "algoliaBaseUrl");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (shopifyApiVersion == null || !shopifyApiVersion.matches("\\d{4}-(01|04|07|10)")) {
            throw new IllegalArgumentException("shopifyApiVersion must be a quarterly version like 2025-10");
        }
        if (pageCap < 1) {
            throw new IllegalArgumentException("pageCap must be at least 1");
        }
    }

    /** The production defaults: real hosts, private networks refused. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(false, GOOGLE_MERCHANT_API, Optional.empty(), SHOPIFY_API_VERSION,
                Timeouts.DEFAULT, RetryPolicy.DEFAULT, PAGE_CAP);
    }

    public ProviderSettings withAllowPrivateNetwork(boolean allow) {
        return new ProviderSettings(allow, googleMerchantBaseUrl, algoliaBaseUrl, shopifyApiVersion, timeouts,
                retryPolicy, pageCap);
    }

    public ProviderSettings withGoogleMerchantBaseUrl(HttpUrl url) {
        return new ProviderSettings(allowPrivateNetwork, url, algoliaBaseUrl, shopifyApiVersion, timeouts,
                retryPolicy, pageCap);
    }

    public ProviderSettings withAlgoliaBaseUrl(HttpUrl url) {
        return new ProviderSettings(allowPrivateNetwork, googleMerchantBaseUrl, Optional.of(url), shopifyApiVersion,
                timeouts, retryPolicy, pageCap);
    }

    public ProviderSettings withShopifyApiVersion(String version) {
        return new ProviderSettings(allowPrivateNetwork, googleMerchantBaseUrl, algoliaBaseUrl, version, timeouts,
                retryPolicy, pageCap);
    }

    public ProviderSettings withTimeouts(Timeouts value) {
        return new ProviderSettings(allowPrivateNetwork, googleMerchantBaseUrl, algoliaBaseUrl, shopifyApiVersion,
                value, retryPolicy, pageCap);
    }

    public ProviderSettings withRetryPolicy(RetryPolicy value) {
        return new ProviderSettings(allowPrivateNetwork, googleMerchantBaseUrl, algoliaBaseUrl, shopifyApiVersion,
                timeouts, value, pageCap);
    }

    public ProviderSettings withPageCap(int value) {
        return new ProviderSettings(allowPrivateNetwork, googleMerchantBaseUrl, algoliaBaseUrl, shopifyApiVersion,
                timeouts, retryPolicy, value);
    }
}
