package io.collections.adapter.providers.shopify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The GraphQL document asked of the Admin API for one page of products, with the shop's currency first (so it
 * arrives before the products) and every field the mapping reads. Nested connections are kept small: each adds to
 * the query cost per product.
 */
final class ShopifyQuery {
    static final String DOCUMENT = """
            query CatalogPage($first: Int!, $after: String) {
              shop { currencyCode }
              products(first: $first, after: $after, sortKey: ID) {
                nodes {
                  id legacyResourceId title handle productType vendor tags status publishedAt createdAt updatedAt
                  category { fullName }
                  priceRangeV2 { minVariantPrice { amount currencyCode } }
                  media(first: 10) { nodes { ... on MediaImage { image { url } } } }
                  variants(first: 1) { nodes { sku } }
                }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopifyQuery() {
    }

    /** {@code {"query": ..., "variables": {"first": N, "after": cursor-or-null}}}. */
    static byte[] body(int first, String after) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", DOCUMENT);
        ObjectNode variables = body.putObject("variables");
        variables.put("first", first);
        if (after == null) {
            variables.putNull("after");
        } else {
            variables.put("after", after);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a GraphQL request body always serializes", e);
        }
    }
}
