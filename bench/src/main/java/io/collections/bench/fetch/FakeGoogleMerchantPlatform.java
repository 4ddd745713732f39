package io.collections.bench.fetch;

import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.domain.catalog.GoogleMerchantAccount;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.HttpUrl;

/**
 * Merchant API v1 {@code accounts.products.list}: pages of {@code pageSize} processed products, an opaque
 * base64 {@code nextPageToken} (with the {@code =} padding that has to be query-encoded), none on the last page.
 */
final class FakeGoogleMerchantPlatform implements FakePlatform {
    private static final String MERCHANT = "1234567";
    private final int size;

    FakeGoogleMerchantPlatform(int size) {
        this.size = size;
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE_MERCHANT;
    }

    @Override
    public ProviderAccount account(String baseUrl) {
        return new GoogleMerchantAccount(MERCHANT, "ya29.benchmark-token");
    }

    @Override
    public ProviderSettings settings(ProviderSettings base, String baseUrl) {
        return base.withGoogleMerchantBaseUrl(HttpUrl.get(baseUrl));
    }

    @Override
    public Answer answer(String method, URI uri, byte[] body) {
        int pageSize = 25;
        int start = 0;
        for (String parameter : uri.getRawQuery().split("&")) {
            if (parameter.startsWith("pageSize=")) {
                pageSize = Math.min(1000, Integer.parseInt(parameter.substring(9)));
            } else if (parameter.startsWith("pageToken=")) {
                String token = URLDecoder.decode(parameter.substring(10), StandardCharsets.UTF_8);
                start = Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8)
                        .substring("offset:".length()));
            }
        }
        int end = Math.min(size, start + pageSize);
        StringBuilder out = new StringBuilder(pageSize * 1600).append("{\"products\":[");
        for (int i = start; i < end; i++) {
            if (i > start) {
                out.append(',');
            }
            String offer = "SKU-" + (100_000 + i);
            out.append("{\"name\":\"accounts/").append(MERCHANT).append("/products/en~US~").append(offer)
                    .append("\",\"offerId\":\"").append(offer).append("\",\"contentLanguage\":\"en\",\"feedLabel\":"
                            + "\"US\",\"dataSource\":\"accounts/").append(MERCHANT).append("/dataSources/10001\","
                            + "\"versionNumber\":\"3\",\"productAttributes\":{\"title\":\"Enamel Camping Mug ")
                    .append(i).append("\",\"description\":\"A sturdy enamel mug for coffee by the fire, dishwasher"
                            + " safe.\",\"link\":\"https://shop.example.com/p/").append(offer)
                    .append("\",\"imageLink\":\"https://cdn.example.com/img/").append(offer)
                    .append(".jpg\",\"additionalImageLinks\":[\"https://cdn.example.com/img/").append(offer)
                    .append("-2.jpg\"],\"brand\":\"Acme Outdoor\",\"productTypes\":[\"Home > Kitchen > Mugs\"],"
                            + "\"googleProductCategory\":\"Home & Garden > Kitchen & Dining > Tableware\","
                            + "\"price\":{\"amountMicros\":\"").append((20 + i % 80) * 1_000_000L + 990_000)
                    .append("\",\"currencyCode\":\"USD\"},\"availability\":\"IN_STOCK\",\"condition\":\"NEW\","
                            + "\"gtins\":[\"00012345").append(100_000 + i).append("\"],\"mpn\":\"MUG-").append(i)
                    .append("\",\"itemGroupId\":\"MUG\",\"color\":\"Blue\",\"customLabel0\":\"outdoor\","
                            + "\"customLabel1\":\"summer\",\"shippingWeight\":{\"value\":0.4,\"unit\":\"kg\"}},"
                            + "\"productStatus\":{\"destinationStatuses\":[{\"reportingContext\":\"SHOPPING_ADS\","
                            + "\"approvedCountries\":[\"US\",\"CA\"]},{\"reportingContext\":\"FREE_LISTINGS\","
                            + "\"approvedCountries\":[\"US\"]}],\"itemLevelIssues\":[{\"code\":\"missing_shipping\","
                            + "\"severity\":\"NOT_IMPACTED\",\"resolution\":\"merchant_action\",\"attribute\":"
                            + "\"shipping\",\"reportingContext\":\"SHOPPING_ADS\",\"description\":\"Missing shipping"
                            + " information\",\"detail\":\"Add shipping costs for your product\",\"documentation\":"
                            + "\"https://support.google.com/merchants/answer/6239383\",\"applicableCountries\":"
                            + "[\"CA\"]}],\"creationDate\":"
                            + "\"2026-01-05T10:00:00Z\",\"lastUpdateDate\":\"2026-11-01T10:00:00Z\","
                            + "\"googleExpirationDate\":\"2026-12-01T10:00:00Z\"}}");
        }
        out.append(']');
        if (end < size) {
            out.append(",\"nextPageToken\":\"").append(Base64.getEncoder()
                    .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8))).append('"');
        }
        out.append('}');
        return new Answer(200, new String[] {"Content-Type", "application/json; charset=UTF-8"},
                out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
