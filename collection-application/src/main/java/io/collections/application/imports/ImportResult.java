package io.collections.application.imports;

import io.collections.domain.collection.ProductCollection;

/** What a finished import made: the collection, the distinct image URLs of its members, and what was skipped. */
public record ImportResult(ProductCollection collection, long imageCount, long fetched, long skipped) {
}
