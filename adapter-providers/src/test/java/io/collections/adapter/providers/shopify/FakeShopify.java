package io.collections.adapter.providers.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Shopify Admin API GraphQL endpoint over a fixed catalog, speaking the real wire format: {@code products} pages
 * cut by {@code first}/{@code after}, opaque base64 cursors, {@code extensions.cost.throttleStatus}, HTTP 401 for a
 * wrong token, {@code MAX_COST_EXCEEDED} above a cost limit, and queued faults served before the next real answer.
 */
final class FakeShopify extends Dispatcher {
    static final String TOKEN = "shpat_0123456789abcdef";
    static final String PATH = "/admin/api/2025-10/graphql.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> products;
    private final Deque<MockResponse> faults = new ArrayDeque<>();
    private int maxFirstWithinCost = 250;
    private boolean repeatFirstCursor;

    FakeShopify(List<ObjectNode> products) {
        this.products = products;
    }

    /** {@code count} realistic products with ids 8001, 8002, ... */
    static List<ObjectNode> catalog(int count) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(product(8000 + i, "Product " + i, "1" + i + ".50"));
        }
        return nodes;
    }

    static ObjectNode product(long id, String title, String amount) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "gid://shopify/Product/" + id);
        node.put("legacyResourceId", Long.toString(id));
        node.put("title", title);
        node.put("handle", title.toLowerCase().replace(' ', '-'));
        node.put("productType", "Mugs");
        node.put("vendor", "Acme Ceramics");
        node.putArray("tags").add("kitchen").add("gift");
        node.put("status", "ACTIVE");
        node.put("publishedAt", "2024-01-05T10:00:00Z");
        node.put("createdAt", "2023-11-20T08:30:00Z");
        node.put("updatedAt", "2024-01-07T12:30:00Z");
        node.putObject("category").put("fullName", "Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs");
        node.putObject("priceRangeV2").putObject("minVariantPrice").put("amount", amount).put("currencyCode", "EUR");
        ArrayNode media = node.putObject("media").putArray("nodes");
        media.addObject().putObject("image").put("url", "https://cdn.shopify.com/s/files/1/0001/" + id + "-a.jpg");
        media.addObject();
        media.addObject().putObject("image").put("url", "https://cdn.shopify.com/s/files/1/0001/" + id + "-b.jpg");
        node.putObject("variants").putArray("nodes").addObject().put("sku", "MUG-" + id);
        return node;
    }

    FakeShopify fault(MockResponse response) {
        faults.add(response);
        return this;
    }

    /** Queries asking more than {@code first} products exceed the single-query cost limit. */
    FakeShopify costLimitAt(int first) {
        this.maxFirstWithinCost = first;
        return this;
    }

    /** Every page after the first names the first page's cursor again, like a broken paging. */
    FakeShopify repeatingCursor() {
        this.repeatFirstCursor = true;
        return this;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        if (!faults.isEmpty()) {
            return faults.poll();
        }
        if (!PATH.equals(request.getUrl().encodedPath()) || !"POST".equals(request.getMethod())) {
            return json(404, "{\"errors\":\"Not Found\"}");
        }
        if (!TOKEN.equals(request.getHeaders().get("X-Shopify-Access-Token"))) {
            return json(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong"
                    + " password)\"}");
        }
        JsonNode variables = read(request).path("variables");
        int first = variables.path("first").asInt();
        if (first > 250) {
            return json(200, "{\"errors\":[{\"message\":\"The first argument cannot exceed 250. Use bulk operations"
                    + " instead.\",\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}");
        }
        if (first > maxFirstWithinCost) {
            int cost = first * 11 + 2;
            return json(200, "{\"errors\":[{\"message\":\"Query cost is " + cost + ", which exceeds the single query"
                    + " max cost limit (1000).\",\"extensions\":{\"code\":\"MAX_COST_EXCEEDED\",\"cost\":" + cost
                    + ",\"maxCost\":1000,\"documentation\":\"https://shopify.dev/api/usage/rate-limits\"}}]}");
        }
        int start = variables.path("after").isNull() ? 0 : decode(variables.path("after").asText());
        int end = Math.min(products.size(), start + first);
        ObjectNode body = JSON.createObjectNode();
        ObjectNode data = body.putObject("data");
        data.putObject("shop").put("currencyCode", "EUR");
        ObjectNode connection = data.putObject("products");
        ArrayNode nodes = connection.putArray("nodes");
        products.subList(start, end).forEach(nodes::add);
        ObjectNode pageInfo = connection.putObject("pageInfo");
        pageInfo.put("hasNextPage", end < products.size());
        String cursor = repeatFirstCursor && start > 0 ? encode(Math.min(products.size(), first)) : encode(end);
        pageInfo.put("endCursor", end == start ? null : cursor);
        ObjectNode cost = body.putObject("extensions").putObject("cost");
        cost.put("requestedQueryCost", first * 2 + 2).put("actualQueryCost", (end - start) + 2);
        cost.putObject("throttleStatus").put("maximumAvailable", 2000.0).put("currentlyAvailable", 1800.0)
                .put("restoreRate", 100.0);
        return json(200, body.toString());
    }

    static JsonNode read(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    static MockResponse throttled() {
        return json(200, "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\","
                + "\"documentation\":\"https://shopify.dev/api/usage/rate-limits\"}}],\"extensions\":{\"cost\":"
                + "{\"requestedQueryCost\":752,\"actualQueryCost\":null,\"throttleStatus\":{\"maximumAvailable\":2000.0,"
                + "\"currentlyAvailable\":552.0,\"restoreRate\":100.0}}}}");
    }

    private static String encode(int index) {
        return Base64.getEncoder().encodeToString(("{\"last_id\":" + index + ",\"last_value\":\"" + index + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Integer.parseInt(text.replaceAll("^\\{\"last_id\":(\\d+),.*$", "$1"));
    }
}
