package io.collections.domain.catalog;

/** A product read from a provider but not imported, and why (no external id, no name, a price that won't parse). */
public record SkippedProduct(String externalId, String reason) {
}
