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

    public static Provider fromPathName(String name) {
        return Arrays.stream(values()).filter(p -> p.pathName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("provider",
                        "must be one of shopify, google-merchant, algolia, woocommerce"));
    }
}
