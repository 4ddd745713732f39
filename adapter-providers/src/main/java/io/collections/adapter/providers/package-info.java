/**
 * The provider adapters: fetchers that pull a merchant's whole catalog through the domain's
 * {@link io.collections.domain.catalog.CatalogSource} port, one sub-package per platform ({@code shopify},
 * {@code woocommerce}, {@code googlemerchant}, {@code algolia}) on a shared core: {@code http} (one OkHttp client,
 * the retry policy, error mapping, the outbound guard) and {@code fetch} (settings, paging guard, validation,
 * summary). {@link io.collections.adapter.providers.CatalogSources} is the factory bootstrap uses.
 */
package io.collections.adapter.providers;
