/**
 * The JSON wire format: strict parsing of request bodies into use-case commands, and the response shapes
 * ({@code CollectionJson}, {@code ProductJson}) mapped by hand from the domain.
 */
package io.collections.adapter.http.json;
