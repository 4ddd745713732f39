package io.collections.adapter.providers.algolia;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;

/** Algolia search API answers as Algolia sends them: browse pages and its {@code {"message","status"}} errors. */
final class AlgoliaWire {
    private AlgoliaWire() {
    }

    /** A product-level record as the ecommerce guide lays it out. */
    static String hit(String objectId, String price) {
        return """
                {"objectID":"%1$s","name":"Product %1$s","brand":"Acme","product_type":"Cookware",\
                "hierarchicalCategories":{"lvl0":"Home","lvl1":"Home > Kitchen"},"tags":["kitchen"],\
                "price":%2$s,"currency":"USD","image":"https://cdn.example.com/%1$s.jpg",\
                "url":"https://shop.example.com/p/%1$s","updated_at":1730000000,\
                "_highlightResult":{"name":{"value":"Product %1$s","matchLevel":"none","matchedWords":[]}}}"""
                .formatted(objectId, price);
    }

    /** A variant-level record as Algolia's Shopify app writes it: objectID the variant, id the product. */
    static String variant(String variantId, long productId, String price) {
        return """
                {"objectID":"%1$s","id":%2$d,"sku":"SKU-%1$s","title":"Product %2$d","variant_title":"Size %1$s",\
                "product_type":"Shirts","vendor":"Acme","tags":["cotton"],"price":%3$s,\
                "image":"https://cdn.shopify.com/%1$s.jpg","product_image":"https://cdn.shopify.com/p%2$d.jpg",\
                "created_at":1709374530,"updated_at":1732089600}""".formatted(variantId, productId, price);
    }

    /** A browse page; without a cursor it is the last, as Algolia omits {@code cursor} then. */
    static String page(List<String> hits, String cursor, int page, int nbHits) {
        String body = hits.stream().collect(Collectors.joining(",", "{\"hits\":[", "]"));
        if (cursor != null) {
            body += ",\"cursor\":" + JsonNodeFactory.instance.textNode(cursor);
        }
        return body + ",\"nbHits\":" + nbHits + ",\"page\":" + page + ",\"nbPages\":" + Math.max(1, (nbHits + 999) / 1000)
                + ",\"hitsPerPage\":1000,\"processingTimeMS\":2,\"query\":\"\",\"params\":\"hitsPerPage=1000\","
                + "\"exhaustiveNbHits\":true}";
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=UTF-8")
                .setHeader("Correlation-ID", "d84b8ff5-5b1a-4e7c-9a46-2c1e8bb7f3a1").body(body).build();
    }

    static MockResponse ok(String body) {
        return json(200, body);
    }

    static MockResponse error(int code, String resource) {
        return json(code, resource(resource));
    }

    static String resource(String name) {
        try (InputStream in = AlgoliaWire.class.getResourceAsStream("/algolia/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
