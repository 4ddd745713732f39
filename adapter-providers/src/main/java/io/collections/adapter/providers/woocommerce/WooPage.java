package io.collections.adapter.providers.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalInt;

/** One page of a WooCommerce list endpoint: its items and, when sent, {@code X-WP-TotalPages}. */
record WooPage(List<JsonNode> items, OptionalInt totalPages) {
}
