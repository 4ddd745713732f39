package io.collections.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A WooCommerce store's REST API v3 for end-to-end imports, in the platform's wire format: top-level arrays with
 * {@code X-WP-Total}/{@code X-WP-TotalPages}, HTTP Basic with its 401 body, the current currency, and queued faults.
 */
final class FakeWooCommerceStore extends Dispatcher {
    static final String KEY = "ck_e2e0123456789abcdef0123456789abcdef0123";
    static final String SECRET = "cs_e2efedcba9876543210fedcba9876543210fedc";
    private static final String API = "/wp-json/wc/v3/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> products = new ArrayList<>();
    private final Deque<MockResponse> faults = new ArrayDeque<>();

    /** {@code count} simple products with ids 101, ...; number 5 has no name. */
    FakeWooCommerceStore(int count) {
        for (int i = 1; i <= count; i++) {
            products.add(product(100 + i, i == 5 ? "" : "Shirt " + i, i + ".99"));
        }
    }

    int valid() {
        return products.size() - 1;
    }

    synchronized FakeWooCommerceStore fault(MockResponse response) {
        faults.add(response);
        return this;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        if (!faults.isEmpty()) {
            return faults.poll();
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeaders().get("Authorization"))) {
            return json(401, "{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer key is"
                    + " invalid.\",\"data\":{\"status\":401}}");
        }
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        if (path.equals(API + "data/currencies/current")) {
            return json(200, "{\"code\":\"EUR\",\"name\":\"Euro\",\"symbol\":\"&euro;\"}");
        }
        if (!path.equals(API + "products")) {
            return json(404, "{\"code\":\"rest_no_route\",\"message\":\"No route was found matching the URL and"
                    + " request method.\",\"data\":{\"status\":404}}");
        }
        int perPage = Integer.parseInt(valueOr(url.queryParameter("per_page"), "10"));
        int page = Integer.parseInt(valueOr(url.queryParameter("page"), "1"));
        int totalPages = (products.size() + perPage - 1) / perPage;
        int from = Math.min(products.size(), (page - 1) * perPage);
        int to = Math.min(products.size(), from + perPage);
        ArrayNode body = JSON.createArrayNode();
        products.subList(from, to).forEach(body::add);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=UTF-8")
                .addHeader("X-WP-Total", Integer.toString(products.size()))
                .addHeader("X-WP-TotalPages", Integer.toString(totalPages))
                .body(body.toString()).build();
    }

    private static ObjectNode product(long id, String name, String price) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("name", name);
        node.put("slug", "shirt-" + id);
        node.put("date_modified_gmt", "2024-03-23T20:01:14");
        node.put("type", "simple");
        node.put("status", "publish");
        node.put("sku", "WOO-" + id);
        node.put("price", price);
        node.put("regular_price", price);
        node.put("sale_price", "");
        node.put("virtual", false);
        node.putArray("categories").addObject().put("id", 9).put("name", "Clothing").put("slug", "clothing");
        node.putArray("tags").addObject().put("id", 5).put("name", "cotton").put("slug", "cotton");
        node.putArray("brands").addObject().put("id", 31).put("name", "Woo Apparel").put("slug", "woo-apparel");
        node.putArray("images").addObject().put("id", 792)
                .put("src", "https://shop.example.com/wp-content/uploads/" + id + "-front.jpg");
        node.putArray("attributes");
        node.putArray("variations");
        return node;
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=UTF-8")
                .body(body).build();
    }
}
