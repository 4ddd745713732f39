package io.collections.domain.product;

import io.collections.domain.InvalidInputException;

/**
 * Where an imported product came from: the provider (as named in the import path), the account at that
 * provider (shop, merchant, index or store) and the provider's own id. Importing again updates, keyed by this.
 */
public record ProductSource(String provider, String account, String externalId) {
    public ProductSource {
        require("source.provider", provider, 64);
        require("source.account", account, 512);
        require("source.external_id", externalId, 255);
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
    }
}
