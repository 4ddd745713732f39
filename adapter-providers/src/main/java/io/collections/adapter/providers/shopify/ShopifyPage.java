package io.collections.adapter.providers.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One answer of the products query: the product nodes, the shop's currency, where the next page starts; or, when
 * the query was too expensive ({@code MAX_COST_EXCEEDED}), its cost and the limit, so the next try asks for fewer.
 */
record ShopifyPage(List<JsonNode> products, String shopCurrency, boolean hasNextPage, String endCursor,
        CostExceeded costExceeded) {

    /** The query's cost and the single-query limit, when Shopify gave them (0 when not). */
    record CostExceeded(double cost, double maxCost) {
        /** A page size that should fit: scaled by the limit over the cost, or halved; always smaller. */
        int smallerPageSize(int first) {
            int scaled = maxCost > 0 && cost > maxCost ? (int) Math.floor(first * maxCost / cost) : first / 2;
            return Math.min(first - 1, Math.max(scaled, first / 4));
        }
    }

    static ShopifyPage tooExpensive(CostExceeded cost) {
        return new ShopifyPage(List.of(), null, false, null, cost);
    }
}
