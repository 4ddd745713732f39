package io.collections.bootstrap;

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
 * A Shopify Admin API GraphQL endpoint (2025-10) for end-to-end imports, in the platform's wire format: pages cut
 * by {@code first}/{@code after} with opaque cursors, {@code extensions.cost}, HTTP 401 for a wrong token, and
 * queued faults (a 503, a {@code THROTTLED} inside a 200) served before the next real answer.
 */
final class FakeShopifyStore extends Dispatcher {
    static final String TOKEN = "shpat_e2e-0123456789abcdef0123";
    static final String PATH = "/admin/api/2025-10/graphql.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> products = new ArrayList<>();
    private final Deque<MockResponse> faults = new ArrayDeque<>();
    private volatile String titleSuffix = "";
    private volatile MockResponse always;
    private int productQueries;

    /** {@code count} products with ids 8001, ...; number 7 has no title and number 11 an unparsable price. */
    FakeShopifyStore(int count) {
        for (int i = 1; i <= count; i++) {
            products.add(product(8000 + i, i == 7 ? "" : "Mug " + i, i == 11 ? "12,50" : i + ".50"));
        }
    }

    int valid() {
        return products.size() - 2;
    }

    synchronized FakeShopifyStore fault(MockResponse response) {
        faults.add(response);
        return this;
    }

    /** Every later request gets this answer (null: the catalog again). */
    FakeShopifyStore always(MockResponse response) {
        this.always = response;
        return this;
    }

    /** Titles change, as they would between two imports. */
    FakeShopifyStore renaming(String suffix) {
        this.titleSuffix = suffix;
        return this;
    }

    synchronized int productQueries() {
        return productQueries;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        if (always != null) {
            return always;
        }
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
        productQueries++;
        JsonNode variables;
        try {
            variables = JSON.readTree(request.getBody().utf8()).path("variables");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int first = variables.path("first").asInt();
        int start = variables.path("after").isNull() || variables.path("after").isMissingNode() ? 0
                : decode(variables.path("after").asText());
        int end = Math.min(products.size(), start + first);
        ObjectNode body = JSON.createObjectNode();
        ObjectNode data = body.putObject("data");
        data.putObject("shop").put("currencyCode", "EUR");
        ObjectNode connection = data.putObject("products");
        ArrayNode nodes = connection.putArray("nodes");
        for (ObjectNode product : products.subList(start, end)) {
            ObjectNode copy = product.deepCopy();
            if (!copy.path("title").asText().isEmpty()) {
                copy.put("title", copy.path("title").asText() + titleSuffix);
            }
            nodes.add(copy);
        }
        connection.putObject("pageInfo").put("hasNextPage", end < products.size()).put("endCursor", encode(end));
        ObjectNode cost = body.putObject("extensions").putObject("cost");
        cost.put("requestedQueryCost", first * 2 + 2).put("actualQueryCost", (end - start) + 2);
        cost.putObject("throttleStatus").put("maximumAvailable", 2000.0).put("currentlyAvailable", 1800.0)
                .put("restoreRate", 100.0);
        return json(200, body.toString());
    }

    static ObjectNode product(long id, String title, String amount) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "gid://shopify/Product/" + id);
        node.put("legacyResourceId", Long.toString(id));
        node.put("title", title);
        node.put("handle", "mug-" + id);
        node.put("productType", "Mugs");
        node.put("vendor", "Acme Ceramics");
        node.putArray("tags").add("kitchen").add("gift");
        node.put("status", "ACTIVE");
        node.put("publishedAt", "2024-01-05T10:00:00Z");
        node.putObject("category").put("fullName", "Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs");
        node.putObject("priceRangeV2").putObject("minVariantPrice").put("amount", amount).put("currencyCode", "EUR");
        ArrayNode media = node.putObject("media").putArray("nodes");
        media.addObject().putObject("image").put("url", "https://cdn.shopify.com/s/files/1/0001/" + id + "-a.jpg");
        media.addObject().putObject("image").put("url", "https://cdn.shopify.com/s/files/1/0001/shared.jpg");
        node.putObject("variants").putArray("nodes").addObject().put("sku", "MUG-" + id);
        return node;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    static MockResponse throttled() {
        return json(200, "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\","
                + "\"documentation\":\"https://shopify.dev/api/usage/rate-limits\"}}],\"extensions\":{\"cost\":"
                + "{\"requestedQueryCost\":602,\"actualQueryCost\":null,\"throttleStatus\":{\"maximumAvailable\":2000.0,"
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
