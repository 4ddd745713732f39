package io.collections.adapter.providers.googlemerchant;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.domain.InvalidInputException;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
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
    static final String MISSING_EXTERNAL_ID = "missing external id";
    static final String MISSING_NAME = "missing name";
    static final String UNPARSABLE_PRICE = "unparsable price";
    static final String INVALID_CURRENCY = "invalid currency";
    /** Approved for at least one country; Merchant Center has no draft state. */
    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";

    private static final String PROVIDER = Provider.GOOGLE_MERCHANT.pathName();
    private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("\\s*>\\s*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int CUSTOM_LABELS = 5;

    private final String account;
    private final Instant now;

    /**
     * @param account the merchant id, recorded in each product's source
     * @param now     the moment the fetch started, to tell whether a sale price is in effect
     */
    GoogleMerchantProductMapper(String account, Instant now) {
        this.account = account;
        this.now = now;
    }

    /** The product, or (when {@code skipped} receives one) nothing. */
    ProductDetails map(JsonNode product, List<SkippedProduct> skipped) {
        String offerId = text(product, "offerId");
        if (offerId == null) {
            skipped.add(new SkippedProduct(text(product, "name"), MISSING_EXTERNAL_ID));
            return null;
        }
        JsonNode attributes = product.path("productAttributes");
        String title = text(attributes, "title");
        if (title == null) {
            skipped.add(new SkippedProduct(offerId, MISSING_NAME));
            return null;
        }
        JsonNode priceNode = effectivePrice(attributes);
        BigDecimal price = null;
        String currency = null;
        if (priceNode != null) {
            price = micros(priceNode.get("amountMicros"));
            if (price == null) {
                skipped.add(new SkippedProduct(offerId, UNPARSABLE_PRICE));
                return null;
            }
            currency = text(priceNode, "currencyCode");
            if (currency != null) {
                currency = currency.toUpperCase(Locale.ROOT);
                if (!CURRENCY.matcher(currency).matches()) {
                    skipped.add(new SkippedProduct(offerId, INVALID_CURRENCY));
                    return null;
                }
            }
        }
        List<String> productTypes = texts(attributes.path("productTypes"));
        String firstType = productTypes.isEmpty() ? null : productTypes.get(0);
        boolean approved = approvedSomewhere(product.path("productStatus"));
        ProductDetails.Builder details = ProductDetails.builder()
                .name(title)
                .productCode(offerId)
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
                .published(approved)
                .source(new ProductSource(PROVIDER, account, offerId));
        shipping(attributes, details);
        try {
            return details.build();
        } catch (InvalidInputException invalid) {
            skipped.add(new SkippedProduct(offerId, "invalid " + invalid.field()));
            return null;
        }
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

    /** Whole micros to an exact decimal with at least two places; null when it is not a whole number. */
    static BigDecimal micros(JsonNode amount) {
        if (amount == null || amount.isNull()) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (!amount.isTextual() && !amount.isIntegralNumber()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.asText().strip());
        } catch (NumberFormatException unparsable) {
            return null;
        }
        if (value.scale() > 0 || value.signum() < 0) {
            return null;
        }
        BigDecimal decimal = value.movePointLeft(6).stripTrailingZeros();
        return decimal.scale() < 2 ? decimal.setScale(2) : decimal;
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
        List<String> labels = new ArrayList<>(CUSTOM_LABELS);
        for (int i = 0; i < CUSTOM_LABELS; i++) {
            String label = text(attributes, "customLabel" + i);
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
        urls.addAll(texts(attributes.path("additionalImageLinks")));
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

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static List<String> texts(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            if (item.isValueNode() && !item.isNull()) {
                String text = item.asText().strip();
                if (!text.isEmpty()) {
                    values.add(text);
                }
            }
        }
        return values;
    }
}
