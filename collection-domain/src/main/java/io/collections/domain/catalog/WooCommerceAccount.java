package io.collections.domain.catalog;

/** A WooCommerce store's base URL and a REST API key pair with read permission. */
public record WooCommerceAccount(String storeUrl, String consumerKey, String consumerSecret)
        implements ProviderAccount {
    public WooCommerceAccount {
        ProviderAccount.requireFields("store_url", storeUrl, "consumer_key", consumerKey,
                "consumer_secret", consumerSecret);
    }

    @Override
    public Provider provider() {
        return Provider.WOOCOMMERCE;
    }

    @Override
    public String account() {
        return storeUrl;
    }

    @Override
    public String toString() {
        return "WooCommerceAccount[store_url=" + storeUrl + ", consumer_key=***, consumer_secret=***]";
    }
}
