package io.collections.domain.catalog;

import java.util.List;
import java.util.Map;

/**
 * An Algolia application, an API key with the {@code browse} ACL, the index holding the products, and an
 * optional mapping from our product fields to the index's attribute names.
 */
public record AlgoliaAccount(String applicationId, String apiKey, String indexName,
        Map<String, String> attributeMapping) implements ProviderAccount {
    public AlgoliaAccount {
        ProviderAccount.requireFields("application_id", applicationId, "api_key", apiKey, "index_name", indexName);
        attributeMapping = attributeMapping == null ? Map.of() : Map.copyOf(attributeMapping);
    }

    @Override
    public Provider provider() {
        return Provider.ALGOLIA;
    }

    @Override
    public String account() {
        return applicationId + "/" + indexName;
    }

    @Override
    public String toString() {
        return "AlgoliaAccount[application_id=" + applicationId + ", index_name=" + indexName
                + ", api_key=***, attribute_mapping=" + attributeMapping + "]";
    }
}
