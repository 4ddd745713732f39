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

    /** The merchant id in its canonical form: see {@link #key}. */
    @Override
    public String account() {
        return key(merchantId);
    }

    /**
     * The canonical form of a merchant id (decision 0112): without surrounding white space and, being a number,
     * without leading zeros ({@code " 01234567"} is {@code 1234567}). Anything else is kept as given, stripped.
     */
    public static String key(String merchantId) {
        String id = merchantId.strip();
        if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return id;
        }
        int start = 0;
        while (start < id.length() - 1 && id.charAt(start) == '0') {
            start++;
        }
        return id.substring(start);
    }

    @Override
    public String toString() {
        return "GoogleMerchantAccount[merchant_id=" + merchantId + ", access_token=***]";
    }
}
