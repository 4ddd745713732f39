package io.collections.adapter.providers.algolia;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which record attributes hold each of our product fields. Algolia indexes are schemaless, so each field has
 * defaults covering the common e-commerce layouts (Algolia's own guide, its Shopify app) and the account may name
 * another attribute; a dotted name ({@code price.USD}) reaches into nested objects.
 */
final class AlgoliaAttributeMapping {

    /** Our fields that a mapping may name, as they are spelled in {@code attribute_mapping}. */
    enum Field {
        NAME("name", "name", "title"),
        PRODUCT_TYPE("product_type", "product_type", "type", "productType"),
        CATEGORY("product_category", "hierarchicalCategories", "categories", "category"),
        BRAND("brand", "brand", "vendor"),
        TAGS("tags", "tags", "_tags"),
        PRICE("price", "price"),
        CURRENCY("currency", "currency", "currency_code", "currencyCode"),
        IMAGE_URLS("image_urls", "images", "image", "product_image", "image_url"),
        STATUS("status", "status", "published"),
        PRODUCT_CODE("product_code", "sku"),
        /**
         * No default: a record is its own product, keyed by its {@code objectID}, unless the mapping names the
         * attribute holding the product id of a variant-level index ({@code id} for Algolia's Shopify app).
         */
        PRODUCT_ID("product_id"),
        CREATED_AT("created_at", "created_at", "createdAt"),
        UPDATED_AT("updated_at", "updated_at", "updatedAt");

        private final String key;
        private final List<String> defaults;

        Field(String key, String... defaults) {
            this.key = key;
            this.defaults = List.of(defaults);
        }

        String key() {
            return key;
        }
    }

    private static final Pattern DOT = Pattern.compile("\\.");
    private static final AlgoliaAttributeMapping DEFAULTS = new AlgoliaAttributeMapping(new EnumMap<>(Field.class));

    private final Map<Field, List<String>> attributes;

    private AlgoliaAttributeMapping(Map<Field, String> overrides) {
        EnumMap<Field, List<String>> resolved = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String override = overrides.get(field);
            resolved.put(field, override == null ? field.defaults : List.of(override));
        }
        this.attributes = resolved;
    }

    static AlgoliaAttributeMapping defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults, with each named field read from the given attribute instead.
     *
     * @throws IllegalArgumentException naming a field we do not know or an empty attribute name
     */
    static AlgoliaAttributeMapping of(Map<String, String> mapping) {
        if (mapping.isEmpty()) {
            return DEFAULTS;
        }
        EnumMap<Field, String> overrides = new EnumMap<>(Field.class);
        mapping.forEach((key, attribute) -> {
            Field field = field(key);
            if (attribute == null || attribute.isBlank()) {
                throw new IllegalArgumentException("attribute_mapping." + key + " must name an attribute");
            }
            overrides.put(field, attribute.strip());
        });
        return new AlgoliaAttributeMapping(overrides);
    }

    private static Field field(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        TreeSet<String> known = new TreeSet<>();
        for (Field field : Field.values()) {
            if (field.key.equals(wanted)) {
                return field;
            }
            known.add(field.key);
        }
        throw new IllegalArgumentException("attribute_mapping has an unknown field '" + key + "'; known fields: "
                + String.join(", ", known));
    }

    /** The value of the first of the field's attributes that the record has (not null), or null. */
    JsonNode first(JsonNode record, Field field) {
        for (String attribute : attributes.get(field)) {
            JsonNode value = resolve(record, attribute);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The values of every one of the field's attributes that the record has, in the mapping's order. */
    List<JsonNode> all(JsonNode record, Field field) {
        List<String> names = attributes.get(field);
        if (names.size() == 1) {
            JsonNode value = resolve(record, names.get(0));
            return value == null ? List.of() : List.of(value);
        }
        return names.stream().map(name -> resolve(record, name)).filter(value -> value != null).toList();
    }

    /** An attribute by its exact name, else as a dotted path through nested objects. */
    private static JsonNode resolve(JsonNode record, String attribute) {
        JsonNode value = record.get(attribute);
        if (value == null && attribute.indexOf('.') > 0) {
            value = record;
            for (String step : DOT.split(attribute)) {
                value = value.get(step);
                if (value == null) {
                    break;
                }
            }
        }
        return value == null || value.isNull() ? null : value;
    }
}
