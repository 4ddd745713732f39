package io.collections.adapter.http.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.http.json.JsonFields;
import io.collections.application.imports.ImportCatalog;
import io.collections.domain.InvalidInputException;
import io.collections.domain.catalog.AlgoliaAccount;
import io.collections.domain.catalog.GoogleMerchantAccount;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.ShopifyAccount;
import io.collections.domain.catalog.WooCommerceAccount;
import io.collections.domain.collection.CollectionStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an integration body (SPEC section 9) into the import command. Types are checked first, then every
 * missing or empty credential field is named at once; values are never quoted back, since most are secrets.
 */
final class ImportInput {
    static final int MAX_MAPPING_ENTRIES = 64;
    static final int MAX_MAPPING_TEXT = 255;
    private static final Set<String> COMMON = Set.of("name", "status");
    /** The product fields an Algolia attribute mapping may name (decision 0065), in the order they are listed. */
    static final List<String> ALGOLIA_MAPPABLE_FIELDS = AlgoliaAccount.MAPPABLE_FIELDS;

    private ImportInput() {
    }

    /** The credential fields of each provider's body, in the order the SPEC lists them. */
    static List<String> credentialFields(Provider provider) {
        switch (provider) {
            case SHOPIFY:
                return List.of("shop", "access_token");
            case GOOGLE_MERCHANT:
                return List.of("merchant_id", "access_token");
            case ALGOLIA:
                return List.of("application_id", "api_key", "index_name");
            default:
                return List.of("store_url", "consumer_key", "consumer_secret");
        }
    }

    /** Every field a provider's body may hold. */
    static Set<String> allowedFields(Provider provider) {
        Set<String> allowed = new LinkedHashSet<>(credentialFields(provider));
        if (provider == Provider.ALGOLIA) {
            allowed.add("attribute_mapping");
        }
        allowed.addAll(COMMON);
        return allowed;
    }

    static ImportCatalog.Command command(Provider provider, JsonNode body) {
        JsonFields fields = JsonFields.body(body)
                .allowOnly(allowedFields(provider), Set.of(), "a " + provider.pathName() + " import");
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String field : credentialFields(provider)) {
            credentials.put(field, fields.string(field));
        }
        Map<String, String> mapping = provider == Provider.ALGOLIA ? mapping(fields) : Map.of();
        String name = fields.string("name");
        String status = fields.string("status");
        CollectionStatus collectionStatus = status == null ? null : CollectionStatus.parse("status", status);
        return new ImportCatalog.Command(account(provider, credentials, mapping), name, collectionStatus);
    }

    private static ProviderAccount account(Provider provider, Map<String, String> values, Map<String, String> mapping) {
        // The accounts name every missing or blank field themselves; the order of the fields is the SPEC's.
        switch (provider) {
            case SHOPIFY:
                return new ShopifyAccount(values.get("shop"), values.get("access_token"));
            case GOOGLE_MERCHANT:
                return new GoogleMerchantAccount(values.get("merchant_id"), values.get("access_token"));
            case ALGOLIA:
                return new AlgoliaAccount(values.get("application_id"), values.get("api_key"),
                        values.get("index_name"), mapping);
            default:
                return new WooCommerceAccount(values.get("store_url"), values.get("consumer_key"),
                        values.get("consumer_secret"));
        }
    }

    /**
     * {@code attribute_mapping}: one of our product fields ({@link #ALGOLIA_MAPPABLE_FIELDS}) to the index's
     * attribute name (a dotted name reaches into objects); absent or null means the fetcher's defaults.
     */
    private static Map<String, String> mapping(JsonFields fields) {
        JsonNode node = fields.node("attribute_mapping");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        JsonFields mapping = JsonFields.object(node, "attribute_mapping");
        if (node.size() > MAX_MAPPING_ENTRIES) {
            throw new InvalidInputException("attribute_mapping", "has " + node.size() + " entries; at most "
                    + MAX_MAPPING_ENTRIES + " are allowed");
        }
        Map<String, String> result = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!ALGOLIA_MAPPABLE_FIELDS.contains(field)) {
                unknown.add(field.length() <= 40 ? field : field.substring(0, 40) + "...");
                continue;
            }
            String attribute = mapping.string(field);
            if (attribute == null || attribute.isBlank()) {
                throw new InvalidInputException(mapping.path(field), "must be a non-empty attribute name");
            }
            if (attribute.length() > MAX_MAPPING_TEXT) {
                throw new InvalidInputException(mapping.path(field), "must be at most " + MAX_MAPPING_TEXT
                        + " characters");
            }
            result.put(field, attribute);
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("attribute_mapping", "maps " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? ", which is not a field" : ", which are not fields")
                    + " that can be mapped; these can: " + String.join(", ", ALGOLIA_MAPPABLE_FIELDS));
        }
        return result;
    }
}
