package io.collections.domain.product;

import io.collections.domain.InvalidInputException;
import io.collections.domain.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a product says about itself: the seed's Product attributes plus brand, tags, price, currency,
 * image URLs and source. Immutable; built with {@link #builder()} and checked when built.
 */
public final class ProductDetails {
    public static final int MAX_TEXT = 255;
    public static final int MAX_LONG_TEXT = 10_000;
    public static final int MAX_TAGS = 250;
    public static final int MAX_IMAGES = 250;
    public static final int MAX_URL = 2048;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final String name;
    private final String brandId;
    private final String metadataId;
    private final String imageId;
    private final boolean tangible;
    private final boolean hasDetails;
    private final boolean hasPricing;
    private final boolean organized;
    private final boolean published;
    private final boolean needsReview;
    private final boolean outOfSync;
    private final Instant syncingPausedAt;
    private final String status;
    private final String modelType;
    private final String productCode;
    private final String productCategory;
    private final String productType;
    private final String productLifecycleStatus;
    private final BigDecimal weight;
    private final String weightUnit;
    private final String sizeUnit;
    private final BigDecimal length;
    private final BigDecimal width;
    private final BigDecimal height;
    private final String countryOfOrigin;
    private final String commodityDescription;
    private final boolean taxable;
    private final String taxCode;
    private final String brand;
    private final List<String> tags;
    private final BigDecimal price;
    private final String currency;
    private final List<String> imageUrls;
    private final ProductSource source;
    private FoldedAttributes folded;

    private ProductDetails(Builder b) {
        this.name = requireName(b.name);
        this.brandId = text("brand_id", b.brandId, MAX_TEXT);
        this.metadataId = text("metadata_id", b.metadataId, MAX_TEXT);
        this.imageId = text("image_id", b.imageId, MAX_TEXT);
        this.tangible = b.tangible;
        this.hasDetails = b.hasDetails;
        this.hasPricing = b.hasPricing;
        this.organized = b.organized;
        this.published = b.published;
        this.needsReview = b.needsReview;
        this.outOfSync = b.outOfSync;
        this.syncingPausedAt = timestamp(b.syncingPausedAt);
        this.status = text("status", b.status, 64);
        this.modelType = text("model_type", b.modelType, MAX_TEXT);
        this.productCode = text("product_code", b.productCode, MAX_TEXT);
        this.productCategory = text("product_category", b.productCategory, MAX_TEXT);
        this.productType = text("product_type", b.productType, MAX_TEXT);
        this.productLifecycleStatus = text("product_lifecycle_status", b.productLifecycleStatus, MAX_TEXT);
        this.weight = nonNegative("weight", b.weight);
        this.weightUnit = text("weight_unit", b.weightUnit, 16);
        this.sizeUnit = text("size_unit", b.sizeUnit, 16);
        this.length = nonNegative("length", b.length);
        this.width = nonNegative("width", b.width);
        this.height = nonNegative("height", b.height);
        this.countryOfOrigin = text("country_of_origin", b.countryOfOrigin, 64);
        this.commodityDescription = text("commodity_description", b.commodityDescription, MAX_LONG_TEXT);
        this.taxable = b.taxable;
        this.taxCode = text("tax_code", b.taxCode, 64);
        this.brand = text("brand", b.brand, MAX_TEXT);
        this.tags = distinctTexts("tags", b.tags, MAX_TAGS, MAX_TEXT);
        this.price = nonNegative("price", b.price);
        this.currency = currency(b.currency);
        this.imageUrls = distinctTexts("image_urls", b.imageUrls, MAX_IMAGES, MAX_URL);
        this.source = b.source;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.brandId = brandId;
        b.metadataId = metadataId;
        b.imageId = imageId;
        b.tangible = tangible;
        b.hasDetails = hasDetails;
        b.hasPricing = hasPricing;
        b.organized = organized;
        b.published = published;
        b.needsReview = needsReview;
        b.outOfSync = outOfSync;
        b.syncingPausedAt = syncingPausedAt;
        b.status = status;
        b.modelType = modelType;
        b.productCode = productCode;
        b.productCategory = productCategory;
        b.productType = productType;
        b.productLifecycleStatus = productLifecycleStatus;
        b.weight = weight;
        b.weightUnit = weightUnit;
        b.sizeUnit = sizeUnit;
        b.length = length;
        b.width = width;
        b.height = height;
        b.countryOfOrigin = countryOfOrigin;
        b.commodityDescription = commodityDescription;
        b.taxable = taxable;
        b.taxCode = taxCode;
        b.brand = brand;
        b.tags = tags;
        b.price = price;
        b.currency = currency;
        b.imageUrls = imageUrls;
        b.source = source;
        return b;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "must not be empty");
        }
        String trimmed = name.strip();
        if (Text.length(trimmed) > MAX_TEXT) {
            throw new InvalidInputException("name", "must be at most " + MAX_TEXT + " characters");
        }
        return trimmed;
    }

    private static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (Text.length(value) > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return value;
    }

    /**
     * Kept to the millisecond, as every timestamp is stored (decision 0006). The years 0001 to 9999 are checked where
     * the value comes in (the HTTP input), not here: a product stored before that check must stay readable.
     */
    private static Instant timestamp(Instant value) {
        return value == null ? null : value.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static BigDecimal nonNegative(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(field, "must not be negative");
        }
        if (value.precision() - value.scale() > 15 || value.scale() > 6) {
            throw new InvalidInputException(field, "must have at most 15 digits before and 6 after the decimal point");
        }
        return value;
    }

    private static String currency(String value) {
        if (value == null) {
            return null;
        }
        if (!CURRENCY.matcher(value).matches()) {
            throw new InvalidInputException("currency", "must be an ISO-4217 code of three capital letters");
        }
        return value;
    }

    private static List<String> distinctTexts(String field, List<String> values, int maxCount, int maxLength) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(field, "must not contain empty values");
            }
            if (Text.length(value) > maxLength) {
                throw new InvalidInputException(field, "values must be at most " + maxLength + " characters");
            }
            distinct.add(value);
        }
        if (distinct.size() > maxCount) {
            throw new InvalidInputException(field, "must have at most " + maxCount + " values");
        }
        return List.copyOf(new ArrayList<>(distinct));
    }

    public String name() { return name; }
    public String brandId() { return brandId; }
    public String metadataId() { return metadataId; }
    public String imageId() { return imageId; }
    public boolean tangible() { return tangible; }
    public boolean hasDetails() { return hasDetails; }
    public boolean hasPricing() { return hasPricing; }
    public boolean organized() { return organized; }
    public boolean published() { return published; }
    public boolean needsReview() { return needsReview; }
    public boolean outOfSync() { return outOfSync; }
    public Instant syncingPausedAt() { return syncingPausedAt; }
    public String status() { return status; }
    public String modelType() { return modelType; }
    public String productCode() { return productCode; }
    public String productCategory() { return productCategory; }
    public String productType() { return productType; }
    public String productLifecycleStatus() { return productLifecycleStatus; }
    public BigDecimal weight() { return weight; }
    public String weightUnit() { return weightUnit; }
    public String sizeUnit() { return sizeUnit; }
    public BigDecimal length() { return length; }
    public BigDecimal width() { return width; }
    public BigDecimal height() { return height; }
    public String countryOfOrigin() { return countryOfOrigin; }
    public String commodityDescription() { return commodityDescription; }
    public boolean taxable() { return taxable; }
    public String taxCode() { return taxCode; }
    public String brand() { return brand; }
    public List<String> tags() { return tags; }
    public BigDecimal price() { return price; }
    public String currency() { return currency; }
    public List<String> imageUrls() { return imageUrls; }
    public ProductSource source() { return source; }

    /** The folded text attributes rules compare against; computed once, on first use. */
    public FoldedAttributes folded() {
        FoldedAttributes result = folded;
        if (result == null) {
            // Racy but safe: FoldedAttributes has only final fields, so any thread sees it whole.
            result = new FoldedAttributes(this);
            folded = result;
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProductDetails other)) {
            return false;
        }
        return tangible == other.tangible && hasDetails == other.hasDetails && hasPricing == other.hasPricing
                && organized == other.organized && published == other.published && needsReview == other.needsReview
                && outOfSync == other.outOfSync && taxable == other.taxable
                && name.equals(other.name) && Objects.equals(brandId, other.brandId)
                && Objects.equals(metadataId, other.metadataId) && Objects.equals(imageId, other.imageId)
                && Objects.equals(syncingPausedAt, other.syncingPausedAt) && Objects.equals(status, other.status)
                && Objects.equals(modelType, other.modelType) && Objects.equals(productCode, other.productCode)
                && Objects.equals(productCategory, other.productCategory)
                && Objects.equals(productType, other.productType)
                && Objects.equals(productLifecycleStatus, other.productLifecycleStatus)
                && decimalEquals(weight, other.weight) && Objects.equals(weightUnit, other.weightUnit)
                && Objects.equals(sizeUnit, other.sizeUnit) && decimalEquals(length, other.length)
                && decimalEquals(width, other.width) && decimalEquals(height, other.height)
                && Objects.equals(countryOfOrigin, other.countryOfOrigin)
                && Objects.equals(commodityDescription, other.commodityDescription)
                && Objects.equals(taxCode, other.taxCode) && Objects.equals(brand, other.brand)
                && tags.equals(other.tags) && decimalEquals(price, other.price)
                && Objects.equals(currency, other.currency) && imageUrls.equals(other.imageUrls)
                && Objects.equals(source, other.source);
    }

    private static boolean decimalEquals(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, productCode, productType, source);
    }

    @Override
    public String toString() {
        return "ProductDetails[name=" + name + ", product_code=" + productCode + ", source=" + source + "]";
    }

    /** Collects the attributes of a product; {@link #build()} checks them all at once. */
    public static final class Builder {
        private String name;
        private String brandId;
        private String metadataId;
        private String imageId;
        private boolean tangible;
        private boolean hasDetails;
        private boolean hasPricing;
        private boolean organized;
        private boolean published;
        private boolean needsReview;
        private boolean outOfSync;
        private Instant syncingPausedAt;
        private String status;
        private String modelType;
        private String productCode;
        private String productCategory;
        private String productType;
        private String productLifecycleStatus;
        private BigDecimal weight;
        private String weightUnit;
        private String sizeUnit;
        private BigDecimal length;
        private BigDecimal width;
        private BigDecimal height;
        private String countryOfOrigin;
        private String commodityDescription;
        private boolean taxable;
        private String taxCode;
        private String brand;
        private List<String> tags = List.of();
        private BigDecimal price;
        private String currency;
        private List<String> imageUrls = List.of();
        private ProductSource source;

        private Builder() {
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder brandId(String value) { this.brandId = value; return this; }
        public Builder metadataId(String value) { this.metadataId = value; return this; }
        public Builder imageId(String value) { this.imageId = value; return this; }
        public Builder tangible(boolean value) { this.tangible = value; return this; }
        public Builder hasDetails(boolean value) { this.hasDetails = value; return this; }
        public Builder hasPricing(boolean value) { this.hasPricing = value; return this; }
        public Builder organized(boolean value) { this.organized = value; return this; }
        public Builder published(boolean value) { this.published = value; return this; }
        public Builder needsReview(boolean value) { this.needsReview = value; return this; }
        public Builder outOfSync(boolean value) { this.outOfSync = value; return this; }
        public Builder syncingPausedAt(Instant value) { this.syncingPausedAt = value; return this; }
        public Builder status(String value) { this.status = value; return this; }
        public Builder modelType(String value) { this.modelType = value; return this; }
        public Builder productCode(String value) { this.productCode = value; return this; }
        public Builder productCategory(String value) { this.productCategory = value; return this; }
        public Builder productType(String value) { this.productType = value; return this; }
        public Builder productLifecycleStatus(String value) { this.productLifecycleStatus = value; return this; }
        public Builder weight(BigDecimal value) { this.weight = value; return this; }
        public Builder weightUnit(String value) { this.weightUnit = value; return this; }
        public Builder sizeUnit(String value) { this.sizeUnit = value; return this; }
        public Builder length(BigDecimal value) { this.length = value; return this; }
        public Builder width(BigDecimal value) { this.width = value; return this; }
        public Builder height(BigDecimal value) { this.height = value; return this; }
        public Builder countryOfOrigin(String value) { this.countryOfOrigin = value; return this; }
        public Builder commodityDescription(String value) { this.commodityDescription = value; return this; }
        public Builder taxable(boolean value) { this.taxable = value; return this; }
        public Builder taxCode(String value) { this.taxCode = value; return this; }
        public Builder brand(String value) { this.brand = value; return this; }
        public Builder tags(List<String> value) { this.tags = value; return this; }
        public Builder price(BigDecimal value) { this.price = value; return this; }
        public Builder currency(String value) { this.currency = value; return this; }
        public Builder imageUrls(List<String> value) { this.imageUrls = value; return this; }
        public Builder source(ProductSource value) { this.source = value; return this; }

        public ProductDetails build() {
            return new ProductDetails(this);
        }
    }
}
