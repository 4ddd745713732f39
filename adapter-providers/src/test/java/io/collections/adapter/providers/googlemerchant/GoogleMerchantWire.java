package io.collections.adapter.providers.googlemerchant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;

/** Merchant API v1 answers as Google sends them: product list pages and AIP-193 error bodies. */
final class GoogleMerchantWire {
    private GoogleMerchantWire() {
    }

    /** A processed product as {@code accounts.products.list} returns it, priced at {@code micros}. */
    static String product(String merchantId, String offerId, long micros) {
        return product(merchantId, "US", offerId, micros);
    }

    /** The same, listed under a feed label (one offerId may be listed in several feeds). */
    static String product(String merchantId, String feedLabel, String offerId, long micros) {
        return """
                {"name":"accounts/%1$s/products/en~%4$s~%2$s","offerId":"%2$s","contentLanguage":"en","feedLabel":"%4$s",\
                "dataSource":"accounts/%1$s/dataSources/10001","versionNumber":"3",\
                "productAttributes":{"title":"Product %2$s","description":"The %2$s.",\
                "link":"https://shop.example.com/p/%2$s","imageLink":"https://cdn.example.com/%2$s.jpg",\
                "additionalImageLinks":["https://cdn.example.com/%2$s-2.jpg"],"brand":"Acme",\
                "productTypes":["Home > Kitchen > Cookware"],"googleProductCategory":"Home & Garden > Kitchen & Dining",\
                "price":{"amountMicros":"%3$d","currencyCode":"USD"},"availability":"IN_STOCK","condition":"NEW",\
                "gtins":["0001234567890"],"customLabel0":"core"},\
                "productStatus":{"destinationStatuses":[{"reportingContext":"SHOPPING_ADS","approvedCountries":["US"]}],\
                "itemLevelIssues":[],"creationDate":"2026-01-05T10:00:00Z","lastUpdateDate":"2026-11-01T10:00:00Z",\
                "googleExpirationDate":"2026-12-01T10:00:00Z"}}""".formatted(merchantId, offerId, micros, feedLabel);
    }

    /** A list page; without a token it is the last page, as Google omits {@code nextPageToken} then. */
    static String page(List<String> products, String nextPageToken) {
        String items = products.stream().collect(Collectors.joining(",", "[", "]"));
        return nextPageToken == null ? "{\"products\":" + items + "}"
                : "{\"products\":" + items + ",\"nextPageToken\":\"" + nextPageToken + "\"}";
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=UTF-8")
                .body(body).build();
    }

    static MockResponse ok(String body) {
        return json(200, body);
    }

    static MockResponse error(int code, String resource) {
        return json(code, resource(resource));
    }

    static String resource(String name) {
        try (InputStream in = GoogleMerchantWire.class.getResourceAsStream("/googlemerchant/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
