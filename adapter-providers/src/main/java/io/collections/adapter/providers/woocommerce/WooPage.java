package io.collections.adapter.providers.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalInt;

/**
 * One page of a WooCommerce list endpoint: its items, the {@code page} and {@code per_page} it was asked with
 * (the retry of a failed page may have asked for fewer), and {@code X-WP-TotalPages} when sent.
 */
record WooPage(List<JsonNode> items, int page, int perPage, OptionalInt totalPages) {

    boolean isLast() {
        return totalPages.isPresent() && page >= totalPages.getAsInt();
    }
}
