package io.collections.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.domain.InvalidInputException;
import io.collections.domain.ProductId;
import io.collections.domain.product.ProductDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Turns a product body (create, merge patch, or a batch item) into a change of {@link ProductDetails}. The
 * types of every field are checked here, before any use case runs; the domain then checks the values.
 */
public final class ProductInput {
    /** How a writable field is typed on the wire. */
    public enum Kind { TEXT, BOOLEAN, DECIMAL, TIMESTAMP, TEXT_LIST }

    /** One writable field: its wire name, its type, and where it goes in the builder. */
    public record Field(String name, Kind kind, BiConsumer<ProductDetails.Builder, Object> setter) {
    }

    public static final Map<String, Field> FIELDS = fields();
    public static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at", "created_by",
            "updated_by", "source");
    private static final String ENTITY = "a product";

    private ProductInput() {
    }

    /** A new product, or a merge patch of an existing one: absent fields stay; null clears to the default. */
    public static UnaryOperator<ProductDetails.Builder> change(JsonNode body) {
        return change(JsonFields.body(body).allowOnly(FIELDS.keySet(), READ_ONLY, ENTITY));
    }

    /** One item of a batch: {@code id} selects the product to change; without it the item is a new product. */
    public record BatchItem(ProductId id, UnaryOperator<ProductDetails.Builder> change) {
    }

    /** {@code {"products": [...]}} with 1 to {@code max} items; errors name the item's position. */
    public static List<BatchItem> batch(JsonNode body, int max) {
        JsonFields top = JsonFields.body(body).allowOnly(Set.of("products"), Set.of(), "a batch");
        JsonNode array = top.node("products");
        if (array == null || !array.isArray()) {
            throw new InvalidInputException("products", "must be an array of 1 to " + max + " products, got "
                    + JsonFields.kind(array));
        }
        if (array.isEmpty() || array.size() > max) {
            throw new InvalidInputException("products", "must hold 1 to " + max + " items, got " + array.size());
        }
        Set<String> writable = new java.util.HashSet<>(FIELDS.keySet());
        writable.add("id");
        Set<String> readOnly = new java.util.HashSet<>(READ_ONLY);
        readOnly.remove("id");
        List<BatchItem> items = new ArrayList<>(array.size());
        for (int position = 0; position < array.size(); position++) {
            JsonFields item = JsonFields.object(array.get(position), "products[" + position + "]")
                    .allowOnly(writable, readOnly, ENTITY);
            ProductId id = null;
            if (item.has("id")) {
                String text = item.string("id");
                try {
                    id = text == null ? null : ProductId.parse(text);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(item.path("id"), e.reason());
                }
            }
            items.add(new BatchItem(id, change(item)));
        }
        return items;
    }

    private static UnaryOperator<ProductDetails.Builder> change(JsonFields fields) {
        List<java.util.function.Consumer<ProductDetails.Builder>> changes = new ArrayList<>();
        for (Field field : FIELDS.values()) {
            if (!fields.has(field.name())) {
                continue;
            }
            Object value = read(fields, field);
            changes.add(builder -> field.setter().accept(builder, value));
        }
        return builder -> {
            changes.forEach(change -> change.accept(builder));
            return builder;
        };
    }

    private static Object read(JsonFields fields, Field field) {
        switch (field.kind()) {
            case BOOLEAN:
                Boolean flag = fields.bool(field.name());
                return flag != null && flag;
            case DECIMAL:
                return fields.decimal(field.name());
            case TIMESTAMP:
                return fields.timestamp(field.name());
            case TEXT_LIST:
                return fields.strings(field.name());
            default:
                return fields.string(field.name());
        }
    }

    private static Map<String, Field> fields() {
        Map<String, Field> f = new LinkedHashMap<>();
        text(f, "brand_id", ProductDetails.Builder::brandId);
        text(f, "metadata_id", ProductDetails.Builder::metadataId);
        text(f, "image_id", ProductDetails.Builder::imageId);
        bool(f, "is_tangible", ProductDetails.Builder::tangible);
        bool(f, "has_details", ProductDetails.Builder::hasDetails);
        bool(f, "has_pricing", ProductDetails.Builder::hasPricing);
        bool(f, "is_organized", ProductDetails.Builder::organized);
        bool(f, "is_published", ProductDetails.Builder::published);
        bool(f, "needs_review", ProductDetails.Builder::needsReview);
        bool(f, "out_of_sync", ProductDetails.Builder::outOfSync);
        f.put("syncing_paused_at", new Field("syncing_paused_at", Kind.TIMESTAMP,
                (b, v) -> b.syncingPausedAt((java.time.Instant) v)));
        text(f, "status", ProductDetails.Builder::status);
        text(f, "name", ProductDetails.Builder::name);
        text(f, "model_type", ProductDetails.Builder::modelType);
        text(f, "product_code", ProductDetails.Builder::productCode);
        text(f, "product_category", ProductDetails.Builder::productCategory);
        text(f, "product_type", ProductDetails.Builder::productType);
        text(f, "product_lifecycle_status", ProductDetails.Builder::productLifecycleStatus);
        decimal(f, "weight", ProductDetails.Builder::weight);
        text(f, "weight_unit", ProductDetails.Builder::weightUnit);
        text(f, "size_unit", ProductDetails.Builder::sizeUnit);
        decimal(f, "length", ProductDetails.Builder::length);
        decimal(f, "width", ProductDetails.Builder::width);
        decimal(f, "height", ProductDetails.Builder::height);
        text(f, "country_of_origin", ProductDetails.Builder::countryOfOrigin);
        text(f, "commodity_description", ProductDetails.Builder::commodityDescription);
        bool(f, "taxable", ProductDetails.Builder::taxable);
        text(f, "tax_code", ProductDetails.Builder::taxCode);
        text(f, "brand", ProductDetails.Builder::brand);
        list(f, "tags", ProductDetails.Builder::tags);
        decimal(f, "price", ProductDetails.Builder::price);
        text(f, "currency", ProductDetails.Builder::currency);
        list(f, "image_urls", ProductDetails.Builder::imageUrls);
        return java.util.Collections.unmodifiableMap(f);
    }

    private static void text(Map<String, Field> f, String name, BiConsumer<ProductDetails.Builder, String> setter) {
        f.put(name, new Field(name, Kind.TEXT, (b, v) -> setter.accept(b, (String) v)));
    }

    private static void bool(Map<String, Field> f, String name, BiConsumer<ProductDetails.Builder, Boolean> setter) {
        f.put(name, new Field(name, Kind.BOOLEAN, (b, v) -> setter.accept(b, (Boolean) v)));
    }

    private static void decimal(Map<String, Field> f, String name,
            BiConsumer<ProductDetails.Builder, java.math.BigDecimal> setter) {
        f.put(name, new Field(name, Kind.DECIMAL, (b, v) -> setter.accept(b, (java.math.BigDecimal) v)));
    }

    @SuppressWarnings("unchecked")
    private static void list(Map<String, Field> f, String name,
            BiConsumer<ProductDetails.Builder, List<String>> setter) {
        f.put(name, new Field(name, Kind.TEXT_LIST, (b, v) -> setter.accept(b, (List<String>) v)));
    }
}
