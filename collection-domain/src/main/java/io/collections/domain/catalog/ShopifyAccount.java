package io.collections.domain.catalog;

/**
 * A Shopify shop ({@code acme.myshopify.com}) and an Admin API access token with {@code read_products}. The
 * account is named by the shop's host (decision 0112), so every spelling of one shop imports into the same
 * products.
 */
public record ShopifyAccount(String shop, String accessToken) implements ProviderAccount {
    private static final String SHOPIFY_DOMAIN = ".myshopify.com";

    public ShopifyAccount {
        ProviderAccount.requireFields("shop", shop, "access_token", accessToken);
    }

    @Override
    public Provider provider() {
        return Provider.SHOPIFY;
    }

    /** The shop's host name, lower-cased, with {@code :port} only when not the scheme's default: see {@link #key}. */
    @Override
    public String account() {
        return key(shop);
    }

    /** The shop as the fetcher reaches it: the value given, with {@code .myshopify.com} added to a bare name. */
    public String address() {
        return address(shop);
    }

    /**
     * The canonical name of a shop however written: {@code acme}, {@code ACME.myshopify.com} and
     * {@code https://acme.myshopify.com/} are all {@code acme.myshopify.com}; {@code http://127.0.0.1:18390/} is
     * {@code 127.0.0.1:18390}. The scheme and any path are dropped, as the fetcher uses only the host and port.
     */
    public static String key(String shop) {
        String key = AccountAddress.parse(address(shop)).hostAndPort();
        return key.isEmpty() ? shop.strip() : key;
    }

    private static String address(String shop) {
        String value = shop.strip();
        boolean bareName = !value.contains(".") && !value.contains(":") && !value.contains("/");
        return bareName ? value + SHOPIFY_DOMAIN : value;
    }

    @Override
    public String toString() {
        return "ShopifyAccount[shop=" + shop + ", access_token=***]";
    }
}
