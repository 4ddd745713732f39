/**
 * The Google Merchant Center catalog source: Merchant API v1 {@code accounts.products.list}
 * ({@code GET /products/v1/accounts/{account}/products}), paged by {@code pageToken}, bearer-token authenticated.
 */
package io.collections.adapter.providers.googlemerchant;
