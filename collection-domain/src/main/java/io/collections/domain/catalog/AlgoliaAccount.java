package io.collections.domain.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Algolia application, an API key with the {@code browse} ACL, the index holding the products, and an
 * optional mapping from our product fields to the index's attribute names.
 */
public record AlgoliaAccount(String applicationId, String apiKey, String indexName,
        Map<String, String> attributeMapping) implements ProviderAccount {
    /** Our product fields that an attribute mapping may name, as they are spelled in {@code attribute_mapping}. */
    public static final List<String> MAPPABLE_FIELDS = List.of("name", "product_type", "product_category", "brand",
            "tags", "price", "currency", "image_urls", "status", "product_code", "product_id", "created_at",
            "updated_at");

    public AlgoliaAccount {
        ProviderAccount.requireFields("application_id", applicationId, "api_key", apiKey, "index_name", indexName);
        attributeMapping = attributeMapping == null ? Map.of() : Map.copyOf(attributeMapping);
    }

    @Override
    public Provider provider() {
        return Provider.ALGOLIA;
    }

    /** {@code APPLICATION/index} in its canonical form: see {@link #key}. */
    @Override
    public String account() {
        return key(applicationId, indexName);
    }

    /**
     * The canonical name of an index (decision 0112): the application id upper-cased, as Algolia's dashboard shows
     * it (it is part of a host name, so its case never picks another application), a slash, and the index name as
     * given (index names are case-sensitive), both without surrounding white space.
     */
    public static String key(String applicationId, String indexName) {
        return applicationId.strip().toUpperCase(Locale.ROOT) + "/" + indexName.strip();
    }

    @Override
    public String toString() {
        return "AlgoliaAccount[application_id=" + applicationId + ", index_name=" + indexName
                + ", api_key=***, attribute_mapping=" + attributeMapping + "]";
    }
}
