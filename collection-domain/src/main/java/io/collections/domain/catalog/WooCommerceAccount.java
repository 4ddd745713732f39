package io.collections.domain.catalog;

/**
 * A WooCommerce store's base URL and a REST API key pair with read permission. The account is named by the
 * store's canonical URL (decision 0112), so every spelling of one store imports into the same products.
 */
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

    /** The store URL in its canonical form: see {@link #key}. */
    @Override
    public String account() {
        return key(storeUrl);
    }

    /**
     * The canonical URL of a store however written: scheme ({@code https} when none is given) and host
     * lower-cased, the port only when not the scheme's default, then the path as written (a sub-directory install
     * is another store, and paths are case-sensitive) without trailing slashes. {@code HTTP://Shop.Example:80/good/}
     * is {@code http://shop.example/good}, {@code shop.example.com} is {@code https://shop.example.com}.
     */
    public static String key(String storeUrl) {
        AccountAddress address = AccountAddress.parse(storeUrl);
        String path = address.path();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return address.scheme() + "://" + address.hostAndPort() + path.substring(0, end);
    }

    @Override
    public String toString() {
        return "WooCommerceAccount[store_url=" + storeUrl + ", consumer_key=***, consumer_secret=***]";
    }
}
