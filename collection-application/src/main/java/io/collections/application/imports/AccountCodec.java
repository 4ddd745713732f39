package io.collections.application.imports;

import io.collections.domain.catalog.AlgoliaAccount;
import io.collections.domain.catalog.GoogleMerchantAccount;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.ShopifyAccount;
import io.collections.domain.catalog.WooCommerceAccount;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Writes an account as {@code name=value&...} text (to be sealed) and reads it back. */
public final class AccountCodec {
    private static final String MAPPING_PREFIX = "attribute_mapping.";

    private AccountCodec() {
    }

    public static String encode(ProviderAccount account) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (account instanceof ShopifyAccount shopify) {
            fields.put("shop", shopify.shop());
            fields.put("access_token", shopify.accessToken());
        } else if (account instanceof GoogleMerchantAccount google) {
            fields.put("merchant_id", google.merchantId());
            fields.put("access_token", google.accessToken());
        } else if (account instanceof AlgoliaAccount algolia) {
            fields.put("application_id", algolia.applicationId());
            fields.put("api_key", algolia.apiKey());
            fields.put("index_name", algolia.indexName());
            new TreeMap<>(algolia.attributeMapping()).forEach((k, v) -> fields.put(MAPPING_PREFIX + k, v));
        } else {
            WooCommerceAccount woo = (WooCommerceAccount) account;
            fields.put("store_url", woo.storeUrl());
            fields.put("consumer_key", woo.consumerKey());
            fields.put("consumer_secret", woo.consumerSecret());
        }
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return text.toString();
    }

    public static ProviderAccount decode(Provider provider, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (name.startsWith(MAPPING_PREFIX)) {
                mapping.put(name.substring(MAPPING_PREFIX.length()), value);
            } else {
                fields.put(name, value);
            }
        }
        switch (provider) {
            case SHOPIFY:
                return new ShopifyAccount(fields.get("shop"), fields.get("access_token"));
            case GOOGLE_MERCHANT:
                return new GoogleMerchantAccount(fields.get("merchant_id"), fields.get("access_token"));
            case ALGOLIA:
                return new AlgoliaAccount(fields.get("application_id"), fields.get("api_key"), fields.get("index_name"),
                        mapping);
            default:
                return new WooCommerceAccount(fields.get("store_url"), fields.get("consumer_key"),
                        fields.get("consumer_secret"));
        }
    }
}
