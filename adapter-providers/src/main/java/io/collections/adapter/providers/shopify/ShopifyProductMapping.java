package io.collections.adapter.providers.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.JsonStreams;
import io.collections.adapter.providers.fetch.Prices;
import io.collections.adapter.providers.fetch.ProviderTimestamps;
import io.collections.adapter.providers.fetch.SourceTimes;
import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A GraphQL Admin API {@code Product} node as our product: {@code title} the name, {@code productType} the type,
 * the taxonomy {@code category.fullName} the category (else the type), {@code vendor} the brand, {@code tags},
 * the lowest variant price with its currency (else the shop's), the images of {@code media}, the first variant's
 * SKU as product code, and the status ({@code UNLISTED} is active but not published); {@code createdAt} and
 * {@code updatedAt} (GraphQL {@code DateTime}, UTC with {@code Z}) are the source's timestamps.
 */
final class ShopifyProductMapping {
    private ShopifyProductMapping() {
    }

    /** The numeric {@code legacyResourceId}, else the number at the end of the GID {@code gid://shopify/Product/N}. */
    static String externalId(JsonNode node) {
        String legacy = JsonStreams.text(node, "legacyResourceId");
        if (legacy != null) {
            return legacy;
        }
        String gid = JsonStreams.text(node, "id");
        return gid == null ? null : gid.substring(gid.lastIndexOf('/') + 1);
    }

    static SourceTimes times(JsonNode node) {
        return new SourceTimes(ProviderTimestamps.withOffset(JsonStreams.text(node, "createdAt")),
                ProviderTimestamps.withOffset(JsonStreams.text(node, "updatedAt")));
    }

    static ProductDetails.Builder map(JsonNode node, String shopCurrency) {
        String productType = JsonStreams.text(node, "productType");
        String category = JsonStreams.text(node, "category", "fullName");
        JsonNode minPrice = node.path("priceRangeV2").path("minVariantPrice");
        BigDecimal price = Prices.parse(JsonStreams.text(minPrice, "amount"));
        String currency = JsonStreams.text(minPrice, "currencyCode");
        String status = JsonStreams.text(node, "status");
        boolean published = "ACTIVE".equals(status) && JsonStreams.text(node, "publishedAt") != null;
        return ProductDetails.builder()
                .name(JsonStreams.text(node, "title"))
                .productType(productType)
                .productCategory(category != null ? category : productType)
                .brand(JsonStreams.text(node, "vendor"))
                .tags(JsonStreams.texts(node.path("tags"), null))
                .price(price)
                .currency(price == null ? null : currency != null ? currency : shopCurrency)
                .hasPricing(price != null)
                .imageUrls(imageUrls(node.path("media").path("nodes")))
                .productCode(JsonStreams.text(node.path("variants").path("nodes").path(0), "sku"))
                .status(status(status))
                .published(published);
    }

    private static List<String> imageUrls(JsonNode media) {
        List<String> urls = new ArrayList<>();
        for (JsonNode item : media) {
            String url = JsonStreams.text(item, "image", "url");
            if (url != null) {
                urls.add(url);
            }
        }
        return urls;
    }

    /** ACTIVE, DRAFT, ARCHIVED as lower case; UNLISTED (2025-10 and later) is active, hidden from the store. */
    private static String status(String status) {
        if (status == null) {
            return null;
        }
        return status.equals("UNLISTED") ? "active" : status.toLowerCase(Locale.ROOT);
    }
}
