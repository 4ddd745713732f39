package io.collections.bench.fetch;

import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.catalog.ShopifyAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shopify's GraphQL Admin API {@code products} connection, 250 products a page, realistic nodes. */
final class FakeShopifyPlatform implements FakePlatform {
    private static final Pattern FIRST = Pattern.compile("\"first\":(\\d+)");
    private static final Pattern AFTER = Pattern.compile("\"after\":\"([^\"]+)\"");
    private final int size;

    FakeShopifyPlatform(int size) {
        this.size = size;
    }

    @Override
    public Provider provider() {
        return Provider.SHOPIFY;
    }

    @Override
    public ProviderAccount account(String baseUrl) {
        return new ShopifyAccount(baseUrl, "shpat_benchmark_token");
    }

    @Override
    public Answer answer(String method, URI uri, byte[] body) {
        String request = new String(body, StandardCharsets.UTF_8);
        Matcher first = FIRST.matcher(request);
        int pageSize = first.find() ? Integer.parseInt(first.group(1)) : 50;
        Matcher after = AFTER.matcher(request);
        int start = after.find() ? Integer.parseInt(new String(Base64.getDecoder().decode(after.group(1)),
                StandardCharsets.UTF_8)) : 0;
        int end = Math.min(size, start + pageSize);
        StringBuilder json = new StringBuilder(pageSize * 900);
        json.append("{\"data\":{\"shop\":{\"currencyCode\":\"USD\"},\"products\":{\"nodes\":[");
        for (int i = start; i < end; i++) {
            if (i > start) {
                json.append(',');
            }
            long id = 7_000_000_000L + i;
            json.append("{\"id\":\"gid://shopify/Product/").append(id).append("\",\"legacyResourceId\":\"").append(id)
                    .append("\",\"title\":\"Organic Cotton Crew T-Shirt ").append(i)
                    .append("\",\"handle\":\"organic-cotton-crew-t-shirt-").append(i)
                    .append("\",\"productType\":\"T-Shirts\",\"vendor\":\"Acme Apparel\",\"tags\":[\"cotton\","
                            + "\"organic\",\"summer-").append(i % 7).append("\"],\"status\":\"ACTIVE\","
                            + "\"publishedAt\":\"2024-03-01T09:30:00Z\",\"createdAt\":\"2024-02-28T16:05:00Z\","
                            + "\"updatedAt\":\"2024-05-02T09:30:00Z\",\"category\":{\"fullName\":\"Apparel &"
                            + " Accessories > Clothing > Shirts & Tops > T-Shirts\"},\"priceRangeV2\":"
                            + "{\"minVariantPrice\":{\"amount\":\"").append(10 + i % 90).append('.')
                    .append(i % 100 < 10 ? "0" : "").append(i % 100).append("\",\"currencyCode\":\"USD\"}},"
                            + "\"media\":{\"nodes\":[{\"image\":{\"url\":\"https://cdn.shopify.com/s/files/1/0533/"
                            + "2089/files/tee-").append(id).append("-front.jpg?v=1709285400\"}},{\"image\":{\"url\":"
                            + "\"https://cdn.shopify.com/s/files/1/0533/2089/files/tee-").append(id)
                    .append("-back.jpg?v=1709285400\"}}]},\"variants\":{\"nodes\":[{\"sku\":\"TEE-").append(id)
                    .append("-S\"}]}}");
        }
        json.append("],\"pageInfo\":{\"hasNextPage\":").append(end < size).append(",\"endCursor\":\"")
                .append(Base64.getEncoder().encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)))
                .append("\"}}},\"extensions\":{\"cost\":{\"requestedQueryCost\":752,\"actualQueryCost\":752,"
                        + "\"throttleStatus\":{\"maximumAvailable\":20000.0,\"currentlyAvailable\":19248,"
                        + "\"restoreRate\":1000.0}}}}");
        return new Answer(200, new String[] {"Content-Type", "application/json; charset=utf-8"},
                json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
