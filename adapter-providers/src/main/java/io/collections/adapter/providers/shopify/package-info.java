/**
 * Shopify: the GraphQL Admin API ({@code products} connection, version pinned in configuration), its answers
 * read as a stream, its {@code THROTTLED}-in-a-200 and {@code MAX_COST_EXCEEDED} handled, its products mapped.
 */
package io.collections.adapter.providers.shopify;
