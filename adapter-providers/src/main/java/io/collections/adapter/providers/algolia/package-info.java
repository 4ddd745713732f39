/**
 * The Algolia catalog source: the search API's {@code browse} endpoint
 * ({@code POST /1/indexes/{index}/browse}), paged by cursor, read through a configurable attribute mapping and
 * grouped from variant-level records back into products.
 */
package io.collections.adapter.providers.algolia;
