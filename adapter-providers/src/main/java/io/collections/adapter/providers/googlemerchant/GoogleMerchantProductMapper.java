package io.collections.adapter.providers.googlemerchant;

import static io.collections.adapter.providers.fetch.JsonStreams.text;
import static io.collections.adapter.providers.fetch.JsonStreams.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.Prices;
import io.collections.adapter.providers.fetch.ProductRejected;
import io.collections.adapter.providers.fetch.ProviderTimestamps;
import io.collections.adapter.providers.fetch.SkipReasons;
import io.collections.adapter.providers.fetch.SourceTimes;
import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps one Merchant API v1 {@code Product} resource ({@code accounts.products.list}) to our product, or says why
 * it is skipped. The attributes live under {@code productAttributes}, not at the top level; prices are int64
 * micros sent as JSON strings; proto3 JSON omits zero values, so a price without {@code amountMicros} is free.
 */
final class GoogleMerchantProductMapper {
    /** Approved for at least one country; Merchant Center has no draft state. */
    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";

    private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("\\s*>\\s*");
    private static final List<String> CUSTOM_LABELS =
            List.of("customLabel0", "customLabel1", "customLabel2", "customLabel3", "customLabel4");

    private final Instant now;

    /** @param now the moment the fetch started, to tell whether a sale price is in effect */
    GoogleMerchantProductMapper(Instant now) {
        this.now = now;
    }

    /** The product's external id: its {@code offerId}, the merchant's own SKU-like id. */
    static String externalId(JsonNode product) {
        return text(product, "offerId");
    }

    /**
     * When Merchant Center says the product was created and last updated ({@code productStatus.creationDate} and
     * {@code lastUpdateDate}, protobuf {@code Timestamp}s in RFC 3339); they describe the Merchant Center listing,
     * the only record of the product that Google has.
     */
    static SourceTimes times(JsonNode product) {
        JsonNode status = product.path("productStatus");
        return new SourceTimes(ProviderTimestamps.withOffset(text(status, "creationDate")),
                ProviderTimestamps.withOffset(text(status, "lastUpdateDate")));
    }

    /**
     * The product's attributes (the page adds its {@code source}).
     *
     * @throws ProductRejected when there is no title or the price does not parse
     */
    ProductDetails.Builder map(JsonNode product) {
        JsonNode attributes = product.path("productAttributes");
        String title = text(attributes, "title");
        if (title == null) {
            throw new ProductRejected(SkipReasons.MISSING_NAME);
        }
        JsonNode priceNode = effectivePrice(attributes);
        BigDecimal price = null;
        String currency = null;
        if (priceNode != null) {
            price = micros(priceNode.get("amountMicros"));
            currency = text(priceNode, "currencyCode");
            currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
        }
        List<String> productTypes = texts(attributes.path("productTypes"), null);
        String firstType = productTypes.isEmpty() ? null : productTypes.get(0);
        boolean approved = approvedSomewhere(product.path("productStatus"));
        ProductDetails.Builder details = ProductDetails.builder()
                .name(title)
                .productCode(externalId(product))
                .productType(leaf(firstType))
                .productCategory(firstNonNull(text(attributes, "googleProductCategory"), firstType))
                .brand(text(attributes, "brand"))
                .tags(customLabels(attributes))
                .price(price)
                .currency(currency)
                .hasPricing(price != null)
                .hasDetails(text(attributes, "description") != null)
                .imageUrls(images(attributes))
                .status(approved ? ACTIVE : INACTIVE)
                .published(approved);
        shipping(attributes, details);
        return details;
    }

    /** {@code salePrice} while its effective period (if any) contains now, else {@code price}. */
    private JsonNode effectivePrice(JsonNode attributes) {
        JsonNode sale = attributes.get("salePrice");
        if (sale != null && sale.isObject() && saleInEffect(attributes.path("salePriceEffectiveDate"))) {
            return sale;
        }
        JsonNode price = attributes.get("price");
        return price != null && price.isObject() ? price : null;
    }

    private boolean saleInEffect(JsonNode interval) {
        Instant start = instant(text(interval, "startTime"));
        Instant end = instant(text(interval, "endTime"));
        return (start == null || !now.isBefore(start)) && (end == null || now.isBefore(end));
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            // An unreadable bound cannot restrict the sale; Google validated the interval when it was inserted.
            return null;
        }
    }

    /**
     * Whole micros as an exact decimal ({@code "24990000"} is 24.99); absent means zero, because proto3 JSON leaves
     * zero values out.
     *
     * @throws ProductRejected when the amount is not a whole non-negative number
     */
    static BigDecimal micros(JsonNode amount) {
        if (amount == null || amount.isNull()) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (!amount.isTextual() && !amount.isIntegralNumber()) {
            throw new ProductRejected(SkipReasons.UNPARSABLE_PRICE);
        }
        BigDecimal price = Prices.fromMicros(amount.asText());
        if (price == null) {
            throw new ProductRejected(SkipReasons.UNPARSABLE_PRICE);
        }
        return price;
    }

    private static boolean approvedSomewhere(JsonNode status) {
        for (JsonNode destination : status.path("destinationStatuses")) {
            JsonNode approved = destination.path("approvedCountries");
            if (approved.isArray() && !approved.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> customLabels(JsonNode attributes) {
        List<String> labels = new ArrayList<>(CUSTOM_LABELS.size());
        for (String field : CUSTOM_LABELS) {
            String label = text(attributes, field);
            if (label != null) {
                labels.add(label);
            }
        }
        return labels;
    }

    private static List<String> images(JsonNode attributes) {
        List<String> urls = new ArrayList<>();
        String main = text(attributes, "imageLink");
        if (main != null) {
            urls.add(main);
        }
        urls.addAll(texts(attributes.path("additionalImageLinks"), null));
        return urls;
    }

    /** Shipping weight and dimensions, when Google has them; a size unit only when all dimensions share it. */
    private static void shipping(JsonNode attributes, ProductDetails.Builder details) {
        JsonNode weight = attributes.path("shippingWeight");
        BigDecimal weightValue = measure(weight);
        if (weightValue != null) {
            details.weight(weightValue).weightUnit(text(weight, "unit"));
        }
        JsonNode length = attributes.path("shippingLength");
        JsonNode width = attributes.path("shippingWidth");
        JsonNode height = attributes.path("shippingHeight");
        String unit = text(length, "unit");
        if (unit != null && unit.equals(text(width, "unit")) && unit.equals(text(height, "unit"))) {
            BigDecimal l = measure(length);
            BigDecimal w = measure(width);
            BigDecimal h = measure(height);
            if (l != null && w != null && h != null) {
                details.length(l).width(w).height(h).sizeUnit(unit);
            }
        }
    }

    private static BigDecimal measure(JsonNode measure) {
        JsonNode value = measure.get("value");
        if (value == null || !value.isNumber()) {
            return null;
        }
        BigDecimal decimal = new BigDecimal(value.asText()).stripTrailingZeros();
        if (decimal.signum() < 0 || decimal.scale() > 6) {
            return null;
        }
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    /** The last step of a {@code >}-separated path: the merchant's own product type. */
    private static String leaf(String path) {
        if (path == null) {
            return null;
        }
        String[] steps = CATEGORY_SEPARATOR.split(path);
        for (int i = steps.length - 1; i >= 0; i--) {
            if (!steps[i].isBlank()) {
                return steps[i].strip();
            }
        }
        return null;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
