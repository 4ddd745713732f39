/**
 * WooCommerce: the REST API v3 products list (100 a page in id order, with {@code X-WP-TotalPages}), the store's
 * currency, variable products priced from their variations, HTTP Basic authentication.
 */
package io.collections.adapter.providers.woocommerce;
