package io.collections.domain.catalog;

/** A Google Merchant Center account id and an OAuth 2.0 access token with the content scope. */
public record GoogleMerchantAccount(String merchantId, String accessToken) implements ProviderAccount {
    public GoogleMerchantAccount {
        ProviderAccount.requireFields("merchant_id", merchantId, "access_token", accessToken);
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE_MERCHANT;
    }

    @Override
    public String account() {
        return merchantId;
    }

    @Override
    public String toString() {
        return "GoogleMerchantAccount[merchant_id=" + merchantId + ", access_token=***]";
    }
}
