package io.collections.domain.catalog;

import io.collections.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A merchant's account at a provider with the credentials to read its catalog. {@link #account()} names the
 * account without any secret; {@code toString()} never shows a secret either.
 */
public sealed interface ProviderAccount
        permits ShopifyAccount, GoogleMerchantAccount, AlgoliaAccount, WooCommerceAccount {

    Provider provider();

    /**
     * The non-secret name of the account: the shop, merchant id, application and index, or store URL, in a
     * canonical form that is the same however the account was written (decision 0112). It keys the imported
     * products ({@code source.account}) and orders imports of one account.
     */
    String account();

    /** Checks that every named field has a value, naming all those that do not. */
    static void requireFields(String... namesAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null || value.isBlank()) {
                missing.add(namesAndValues[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(String.join(", ", missing),
                    missing.size() == 1 ? "is required" : "are required");
        }
    }
}
