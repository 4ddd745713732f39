package io.collections.adapter.providers.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.JsonStreams;
import io.collections.adapter.providers.fetch.Prices;
import io.collections.adapter.providers.fetch.ProviderTimestamps;
import io.collections.adapter.providers.fetch.SourceTimes;
import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.List;

/**
 * A WooCommerce REST v3 product as our product: {@code name}; the first category as type and category (the
 * platform's {@code type} is technical: simple, variable...); {@code brands[]} (core since 9.6) else an attribute
 * named Brand; {@code tags[].name}; {@code price} (a string; for a variable product the lowest of its variations');
 * the store's currency; {@code images[].src}; {@code sku} as product code; {@code publish} is active and published,
 * {@code draft}, {@code pending} and {@code private} are drafts. {@code date_created_gmt} and
 * {@code date_modified_gmt} (UTC without an offset) are the source's timestamps; the site-local
 * {@code date_created} and {@code date_modified} are not used, since their zone is not said.
 */
final class WooProductMapping {
    private WooProductMapping() {
    }

    static String externalId(JsonNode product) {
        return JsonStreams.text(product, "id");
    }

    static SourceTimes times(JsonNode product) {
        return new SourceTimes(ProviderTimestamps.utcWithoutOffset(JsonStreams.text(product, "date_created_gmt")),
                ProviderTimestamps.utcWithoutOffset(JsonStreams.text(product, "date_modified_gmt")));
    }

    static boolean isVariable(JsonNode product) {
        return "variable".equals(JsonStreams.text(product, "type"));
    }

    /**
     * @param variationPrices the {@code price} texts of a variable product's variations (empty for others)
     */
    static ProductDetails.Builder map(JsonNode product, String currency, List<String> variationPrices) {
        BigDecimal price = lowest(variationPrices);
        if (price == null) {
            price = Prices.parse(JsonStreams.text(product, "price"));
        }
        String firstCategory = JsonStreams.text(product.path("categories").path(0), "name");
        String status = JsonStreams.text(product, "status");
        return ProductDetails.builder()
                .name(JsonStreams.text(product, "name"))
                .productType(firstCategory)
                .productCategory(firstCategory)
                .brand(brand(product))
                .tags(JsonStreams.texts(product.path("tags"), "name"))
                .price(price)
                .currency(price == null ? null : currency)
                .hasPricing(price != null)
                .imageUrls(JsonStreams.texts(product.path("images"), "src"))
                .productCode(JsonStreams.text(product, "sku"))
                .tangible(!product.path("virtual").asBoolean(false))
                .status(status == null ? null : status.equals("publish") ? "active" : "draft")
                .published("publish".equals(status));
    }

    private static BigDecimal lowest(List<String> prices) {
        BigDecimal lowest = null;
        for (String text : prices) {
            BigDecimal price = Prices.parse(text);
            if (price != null && (lowest == null || price.compareTo(lowest) < 0)) {
                lowest = price;
            }
        }
        return lowest;
    }

    private static String brand(JsonNode product) {
        String brand = JsonStreams.text(product.path("brands").path(0), "name");
        if (brand != null) {
            return brand;
        }
        for (JsonNode attribute : product.path("attributes")) {
            if ("brand".equalsIgnoreCase(JsonStreams.text(attribute, "name"))) {
                return JsonStreams.text(attribute.path("options").path(0));
            }
        }
        return null;
    }
}
