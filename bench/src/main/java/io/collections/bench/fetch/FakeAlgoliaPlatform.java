package io.collections.bench.fetch;

import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.domain.catalog.AlgoliaAccount;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Algolia {@code browse}: pages of {@code hitsPerPage} product-level records (the ecommerce guide's layout), a
 * base64 cursor in each answer but the last, and the cursor read back from the next request's body.
 */
final class FakeAlgoliaPlatform implements FakePlatform {
    private static final Pattern CURSOR = Pattern.compile("\"cursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HITS_PER_PAGE = Pattern.compile("\"hitsPerPage\"\\s*:\\s*(\\d+)");
    private static final int CURSOR_PAGE_SIZE = 1000;
    private final int size;

    FakeAlgoliaPlatform(int size) {
        this.size = size;
    }

    @Override
    public Provider provider() {
        return Provider.ALGOLIA;
    }

    @Override
    public ProviderAccount account(String baseUrl) {
        return new AlgoliaAccount("BENCHAPP", "benchmark-api-key", "products", Map.of());
    }

    @Override
    public ProviderSettings settings(ProviderSettings base, String baseUrl) {
        return base.withAlgoliaBaseUrl(HttpUrl.get(baseUrl));
    }

    @Override
    public Answer answer(String method, URI uri, byte[] body) {
        String request = new String(body, StandardCharsets.UTF_8);
        int start = 0;
        int hitsPerPage = CURSOR_PAGE_SIZE;
        Matcher cursor = CURSOR.matcher(request);
        if (cursor.find()) {
            start = Integer.parseInt(new String(Base64.getDecoder().decode(cursor.group(1)), StandardCharsets.UTF_8)
                    .substring("offset:".length()));
        } else {
            Matcher perPage = HITS_PER_PAGE.matcher(request);
            hitsPerPage = perPage.find() ? Math.min(1000, Integer.parseInt(perPage.group(1))) : 20;
        }
        int end = Math.min(size, start + hitsPerPage);
        StringBuilder out = new StringBuilder(hitsPerPage * 900).append("{\"hits\":[");
        for (int i = start; i < end; i++) {
            if (i > start) {
                out.append(',');
            }
            out.append("{\"objectID\":\"prod-").append(100_000 + i).append("\",\"name\":\"Merino Wool Beanie ")
                    .append(i).append("\",\"description\":\"A soft merino beanie that keeps warm without itching.\","
                            + "\"brand\":\"Acme Knits\",\"product_type\":\"Hats\",\"hierarchicalCategories\":"
                            + "{\"lvl0\":\"Accessories\",\"lvl1\":\"Accessories > Hats\",\"lvl2\":\"Accessories >"
                            + " Hats > Beanies\"},\"categories\":[\"Accessories\",\"Hats\"],\"tags\":[\"wool\","
                            + "\"winter\"],\"price\":").append(10 + i % 60).append(".95,\"currency\":\"EUR\","
                            + "\"in_stock\":true,\"inventory_quantity\":").append(i % 40)
                    .append(",\"sku\":\"BEAN-").append(i).append("\",\"image\":\"https://cdn.example.com/beanie-")
                    .append(i).append(".jpg\",\"url\":\"https://shop.example.com/p/beanie-").append(i)
                    .append("\",\"created_at\":1709374530,\"updated_at\":1732089600}");
        }
        out.append(']');
        if (end < size) {
            out.append(",\"cursor\":\"").append(Base64.getEncoder()
                    .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8))).append('"');
        }
        out.append(",\"nbHits\":").append(size).append(",\"page\":0,\"nbPages\":")
                .append((size + hitsPerPage - 1) / hitsPerPage).append(",\"hitsPerPage\":").append(hitsPerPage)
                .append(",\"processingTimeMS\":1,\"query\":\"\",\"params\":\"hitsPerPage=").append(hitsPerPage)
                .append("\",\"exhaustiveNbHits\":true}");
        return new Answer(200, new String[] {"Content-Type", "application/json; charset=UTF-8"},
                out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
