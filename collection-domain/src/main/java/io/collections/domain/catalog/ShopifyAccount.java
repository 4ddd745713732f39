package io.collections.domain.catalog;

/** A Shopify shop ({@code acme.myshopify.com}) and an Admin API access token with {@code read_products}. */
public record ShopifyAccount(String shop, String accessToken) implements ProviderAccount {
    public ShopifyAccount {
        ProviderAccount.requireFields("shop", shop, "access_token", accessToken);
    }

    @Override
    public Provider provider() {
        return Provider.SHOPIFY;
    }

    @Override
    public String account() {
        return shop;
    }

    @Override
    public String toString() {
        return "ShopifyAccount[shop=" + shop + ", access_token=***]";
    }
}
