package io.collections.adapter.http.imports;

import io.collections.adapter.http.json.Timestamps;
import io.collections.application.imports.ImportResult;
import io.collections.domain.catalog.Provider;
import io.collections.domain.collection.ProductCollection;

/** The answer of a finished import: the seed's fields, the id as a decimal string, plus {@code skipped_count}. */
record IntegrationCollectionJson(String message, String id, String name, long productCount, long imageCount,
        String createdAt, long skippedCount) {

    static IntegrationCollectionJson from(Provider provider, ImportResult result) {
        ProductCollection collection = result.collection();
        String message = "Collection created from " + provider.pathName() + " with " + collection.productCount()
                + (collection.productCount() == 1 ? " product" : " products")
                + (result.skipped() == 0 ? "" : "; " + result.skipped() + " skipped as invalid");
        return new IntegrationCollectionJson(message, collection.id().toString(), collection.name(),
                collection.productCount(), result.imageCount(), Timestamps.format(collection.createdAt()),
                result.skipped());
    }
}
