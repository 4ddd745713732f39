package io.collections.bench.fetch;

import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.WooCommerceAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** WooCommerce REST v3: the current currency and product pages of 100 with {@code X-WP-TotalPages}. */
final class FakeWooCommercePlatform implements FakePlatform {
    private final int size;

    FakeWooCommercePlatform(int size) {
        this.size = size;
    }

    @Override
    public Provider provider() {
        return Provider.WOOCOMMERCE;
    }

    @Override
    public ProviderAccount account(String baseUrl) {
        return new WooCommerceAccount(baseUrl, "ck_benchmark", "cs_benchmark");
    }

    @Override
    public Answer answer(String method, URI uri, byte[] body) {
        String[] json = {"Content-Type", "application/json; charset=UTF-8"};
        if (uri.getPath().endsWith("/data/currencies/current")) {
            return new Answer(200, json,
                    "{\"code\":\"EUR\",\"name\":\"Euro\",\"symbol\":\"&euro;\"}".getBytes(StandardCharsets.UTF_8));
        }
        int page = 1;
        int perPage = 10;
        for (String parameter : uri.getRawQuery().split("&")) {
            if (parameter.startsWith("page=")) {
                page = Integer.parseInt(parameter.substring(5));
            } else if (parameter.startsWith("per_page=")) {
                perPage = Integer.parseInt(parameter.substring(9));
            }
        }
        int start = Math.min(size, (page - 1) * perPage);
        int end = Math.min(size, start + perPage);
        StringBuilder out = new StringBuilder(perPage * 1800).append('[');
        for (int i = start; i < end; i++) {
            if (i > start) {
                out.append(',');
            }
            long id = 1000 + i;
            out.append("{\"id\":").append(id).append(",\"name\":\"Premium Quality Hoodie ").append(i)
                    .append("\",\"slug\":\"premium-quality-hoodie-").append(i)
                    .append("\",\"permalink\":\"https://shop.example.com/product/premium-quality-hoodie-").append(i)
                    .append("/\",\"date_created\":\"2024-03-01T10:30:00\",\"date_created_gmt\":\"2024-03-01T09:30:00\","
                            + "\"date_modified\":\"2024-05-02T10:30:00\",\"date_modified_gmt\":\"2024-05-02T09:30:00\","
                            + "\"type\":\"simple\",\"status\":\"publish\",\"featured\":false,\"catalog_visibility\":"
                            + "\"visible\",\"description\":\"<p>Pellentesque habitant morbi tristique senectus et netus"
                            + " et malesuada fames ac turpis egestas.</p>\",\"short_description\":\"<p>Soft, warm."
                            + "</p>\",\"sku\":\"HOOD-").append(id).append("\",\"price\":\"").append(20 + i % 80)
                    .append(".99\",\"regular_price\":\"").append(20 + i % 80).append(".99\",\"sale_price\":\"\","
                            + "\"on_sale\":false,\"purchasable\":true,\"total_sales\":0,\"virtual\":false,"
                            + "\"downloadable\":false,\"tax_status\":\"taxable\",\"manage_stock\":false,"
                            + "\"stock_quantity\":null,\"stock_status\":\"instock\",\"weight\":\"0.5\","
                            + "\"categories\":[{\"id\":9,\"name\":\"Clothing\",\"slug\":\"clothing\"},{\"id\":15,"
                            + "\"name\":\"Hoodies\",\"slug\":\"hoodies\"}],\"tags\":[{\"id\":5,\"name\":\"cotton\","
                            + "\"slug\":\"cotton\"},{\"id\":6,\"name\":\"winter\",\"slug\":\"winter\"}],\"brands\":"
                            + "[{\"id\":31,\"name\":\"Woo Apparel\",\"slug\":\"woo-apparel\"}],\"images\":[{\"id\":")
                    .append(id * 10).append(",\"src\":\"https://shop.example.com/wp-content/uploads/2024/03/hoodie-")
                    .append(id).append(".jpg\",\"name\":\"hoodie\",\"alt\":\"\"}],\"attributes\":[],\"variations\":"
                            + "[],\"meta_data\":[],\"_links\":{\"self\":[{\"href\":\"https://shop.example.com/wp-json/"
                            + "wc/v3/products/").append(id).append("\"}],\"collection\":[{\"href\":"
                            + "\"https://shop.example.com/wp-json/wc/v3/products\"}]}}");
        }
        out.append(']');
        int totalPages = (size + perPage - 1) / perPage;
        return new Answer(200, new String[] {"Content-Type", json[1], "X-WP-Total", Integer.toString(size),
                "X-WP-TotalPages", Integer.toString(totalPages)}, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
