package io.collections.domain.catalog;

import io.collections.domain.InvalidInputException;
import java.util.Arrays;

/** The commerce platforms a catalog can be imported from, named as in the import path. */
public enum Provider {
    SHOPIFY("shopify"),
    GOOGLE_MERCHANT("google-merchant"),
    ALGOLIA("algolia"),
    WOOCOMMERCE("woocommerce");

    private final String pathName;

    Provider(String pathName) {
        this.pathName = pathName;
    }

    public String pathName() {
        return pathName;
    }

    /**
     * The canonical name of one of this provider's accounts, from a name as it was stored: {@link
     * ProviderAccount#account()} gives canonical names, while products imported before decision 0112 carry the
     * account as it was written ({@code shop}, {@code merchant_id}, {@code application_id/index_name},
     * {@code store_url}).
     */
    public String canonicalAccount(String account) {
        return switch (this) {
            case SHOPIFY -> ShopifyAccount.key(account);
            case GOOGLE_MERCHANT -> GoogleMerchantAccount.key(account);
            case ALGOLIA -> {
                int slash = account.indexOf('/');
                yield slash < 0 ? account.strip()
                        : AlgoliaAccount.key(account.substring(0, slash), account.substring(slash + 1));
            }
            case WOOCOMMERCE -> WooCommerceAccount.key(account);
        };
    }

    public static Provider fromPathName(String name) {
        return Arrays.stream(values()).filter(p -> p.pathName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("provider",
                        "must be one of shopify, google-merchant, algolia, woocommerce"));
    }
}
