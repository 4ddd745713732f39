package io.collections.adapter.providers.woocommerce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A WooCommerce store's REST API v3 over a fixed catalog, speaking the real wire format: top-level JSON arrays,
 * {@code X-WP-Total}/{@code X-WP-TotalPages}/{@code Link} headers, {@code []} past the end, 400 for
 * {@code per_page} over 100, HTTP Basic checked with the platform's 401 bodies, variations per product, the
 * current currency; and queued faults served before the next real answer.
 */
final class FakeWooCommerce extends Dispatcher {
    static final String KEY = "ck_4f9c1d2e3b4a59687766554433221100aabbccdd";
    static final String SECRET = "cs_0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    static final String API = "/wp-json/wc/v3/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> products;
    private final Map<String, List<ObjectNode>> variations = new HashMap<>();
    private final Deque<MockResponse> faults = new ArrayDeque<>();
    private final Map<Integer, MockResponse> faultsByRequest = new HashMap<>();
    private int requests;
    private boolean ignoresPage;
    private boolean sendsTotalPages = true;
    private boolean prettyPermalinks = true;
    private boolean variationsIgnorePage;

    FakeWooCommerce(List<ObjectNode> products) {
        this.products = products;
    }

    static List<ObjectNode> catalog(int count) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(product(100 + i, "Product " + i, i + ".99"));
        }
        return nodes;
    }

    static ObjectNode product(long id, String name, String price) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("name", name);
        node.put("slug", "product-" + id);
        node.put("permalink", "https://shop.example.com/product/product-" + id + "/");
        node.put("date_created", "2017-03-23T17:01:14");
        node.put("date_created_gmt", "2017-03-23T20:01:14");
        node.put("date_modified", "2017-03-23T17:01:14");
        node.put("date_modified_gmt", "2017-03-23T20:01:14");
        node.put("type", "simple");
        node.put("status", "publish");
        node.put("featured", false);
        node.put("catalog_visibility", "visible");
        node.put("description", "<p>Pellentesque habitant morbi tristique senectus.</p>");
        node.put("short_description", "<p>Pellentesque habitant.</p>");
        node.put("sku", "WOO-" + id);
        node.put("price", price);
        node.put("regular_price", price);
        node.put("sale_price", "");
        node.put("on_sale", false);
        node.put("virtual", false);
        node.put("downloadable", false);
        node.putNull("stock_quantity");
        node.put("stock_status", "instock");
        ArrayNode categories = node.putArray("categories");
        categories.addObject().put("id", 9).put("name", "Clothing").put("slug", "clothing");
        categories.addObject().put("id", 14).put("name", "T-shirts").put("slug", "t-shirts");
        node.putArray("tags").addObject().put("id", 5).put("name", "cotton").put("slug", "cotton");
        node.putArray("brands").addObject().put("id", 31).put("name", "Woo Apparel").put("slug", "woo-apparel");
        ArrayNode images = node.putArray("images");
        images.addObject().put("id", 792).put("src", "https://shop.example.com/wp-content/uploads/" + id + "-front.jpg")
                .put("name", "").put("alt", "");
        images.addObject().put("id", 793).put("src", "https://shop.example.com/wp-content/uploads/" + id + "-back.jpg")
                .put("name", "").put("alt", "");
        node.putArray("attributes");
        node.putArray("variations");
        node.putArray("meta_data");
        node.putObject("_links").putArray("self").addObject()
                .put("href", "https://shop.example.com/wp-json/wc/v3/products/" + id);
        return node;
    }

    /** Makes the product variable, with variations priced as given. */
    FakeWooCommerce variable(ObjectNode product, String... prices) {
        product.put("type", "variable");
        ArrayNode ids = product.putArray("variations");
        List<ObjectNode> list = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            long id = product.path("id").asLong() * 1000 + i;
            ids.add(id);
            ObjectNode variation = JSON.createObjectNode();
            variation.put("id", id);
            variation.put("sku", product.path("sku").asText() + "-" + i);
            variation.put("price", prices[i]);
            variation.put("regular_price", prices[i]);
            variation.put("status", "publish");
            list.add(variation);
        }
        variations.put(product.path("id").asText(), list);
        return this;
    }

    FakeWooCommerce fault(MockResponse response) {
        faults.add(response);
        return this;
    }

    /** Answers the {@code n}th request (counting from 1) with the fault instead. */
    FakeWooCommerce faultOnRequest(int n, MockResponse response) {
        faultsByRequest.put(n, response);
        return this;
    }

    /** Serves page 1 whatever page is asked, like a caching plugin that drops the query string. */
    FakeWooCommerce ignoringPage() {
        this.ignoresPage = true;
        return this;
    }

    /** Serves variation page 1 whatever page is asked. */
    FakeWooCommerce variationsIgnoringPage() {
        this.variationsIgnorePage = true;
        return this;
    }

    /** Plain permalinks: {@code /wp-json/} is WordPress's HTML 404 page; the API is at {@code ?rest_route=}. */
    FakeWooCommerce withoutPrettyPermalinks() {
        this.prettyPermalinks = false;
        return this;
    }

    FakeWooCommerce withoutTotalPages() {
        this.sendsTotalPages = false;
        return this;
    }

    static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests++;
        if (faultsByRequest.containsKey(requests)) {
            return faultsByRequest.get(requests);
        }
        if (!faults.isEmpty()) {
            return faults.poll();
        }
        HttpUrl url = request.getUrl();
        if (request.getHeaders().get("Authorization") == null) {
            return json(401, "{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list"
                    + " resources.\",\"data\":{\"status\":401}}");
        }
        if (!basic(KEY, SECRET).equals(request.getHeaders().get("Authorization"))) {
            return json(401, "{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer key is"
                    + " invalid.\",\"data\":{\"status\":401}}");
        }
        String route = route(url);
        if (route == null) {
            return new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html; charset=UTF-8")
                    .body("<!DOCTYPE html><html><head><title>Page not found</title></head><body>Oops! That page"
                            + " can&rsquo;t be found.</body></html>").build();
        }
        if (route.equals("data/currencies/current")) {
            return json(200, "{\"code\":\"EUR\",\"name\":\"Euro\",\"symbol\":\"&euro;\",\"_links\":{\"collection\":"
                    + "[{\"href\":\"https://shop.example.com/wp-json/wc/v3/data/currencies\"}]}}");
        }
        if (route.equals("products")) {
            return list(url, products, route, ignoresPage);
        }
        String[] parts = route.split("/");
        if (parts.length == 3 && parts[0].equals("products") && parts[2].equals("variations")) {
            return list(url, variations.getOrDefault(parts[1], List.of()), route, variationsIgnorePage);
        }
        return json(404, "{\"code\":\"rest_no_route\",\"message\":\"No route was found matching the URL and request"
                + " method.\",\"data\":{\"status\":404}}");
    }

    /** The REST route asked for, or null for a URL this WordPress answers with its HTML 404 page. */
    private String route(HttpUrl url) {
        String path = url.encodedPath();
        if (prettyPermalinks) {
            return path.startsWith(API) ? path.substring(API.length()) : null;
        }
        String restRoute = url.queryParameter("rest_route");
        return path.equals("/") && restRoute != null && restRoute.startsWith("/wc/v3/")
                ? restRoute.substring("/wc/v3/".length()) : null;
    }

    private MockResponse list(HttpUrl url, List<ObjectNode> items, String route, boolean ignorePage) {
        int perPage = Integer.parseInt(valueOr(url.queryParameter("per_page"), "10"));
        if (perPage < 1 || perPage > 100) {
            return json(400, "{\"code\":\"rest_invalid_param\",\"message\":\"Invalid parameter(s): per_page\","
                    + "\"data\":{\"status\":400,\"params\":{\"per_page\":\"per_page must be between 1 (inclusive) and"
                    + " 100 (inclusive)\"},\"details\":{}}}");
        }
        int page = ignorePage ? 1 : Integer.parseInt(valueOr(url.queryParameter("page"), "1"));
        int totalPages = (items.size() + perPage - 1) / perPage;
        int from = Math.min(items.size(), (page - 1) * perPage);
        int to = Math.min(items.size(), from + perPage);
        ArrayNode body = JSON.createArrayNode();
        items.subList(from, to).forEach(body::add);
        MockResponse.Builder response = new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json; charset=UTF-8")
                .addHeader("X-WP-Total", Integer.toString(items.size()))
                .body(body.toString());
        if (sendsTotalPages) {
            response.addHeader("X-WP-TotalPages", Integer.toString(totalPages));
        }
        if (page < totalPages) {
            response.addHeader("Link", "<https://shop.example.com/wp-json/wc/v3/" + route + "?page=" + (page + 1)
                    + ">; rel=\"next\"");
        }
        return response.build();
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=UTF-8")
                .body(body).build();
    }
}
