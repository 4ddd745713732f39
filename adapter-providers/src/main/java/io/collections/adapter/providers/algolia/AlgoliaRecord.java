package io.collections.adapter.providers.algolia;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.algolia.AlgoliaAttributeMapping.Field;
import io.collections.adapter.providers.fetch.Prices;
import io.collections.adapter.providers.fetch.ProductRejected;
import io.collections.adapter.providers.fetch.ProviderTimestamps;
import io.collections.adapter.providers.fetch.SkipReasons;
import io.collections.adapter.providers.fetch.SourceTimes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browse hit read through the attribute mapping: a product, or one variant of a product when the mapping names
 * a product id attribute and the record has it ({@code productId}). {@code times} are its creation and update
 * times when the index has them (epoch seconds or milliseconds, or ISO-8601 texts). {@code problem} says why the
 * record cannot make a product (a price that will not parse), or is null.
 */
record AlgoliaRecord(String objectId, String productId, String name, String productType, String category,
        String brand, List<String> tags, BigDecimal price, String currency, List<String> imageUrls, String status,
        String productCode, SourceTimes times, String problem) {

    static final String ACTIVE = "active";
    static final String DRAFT = "draft";
    static final String ARCHIVED = "archived";

    private static final Pattern TAG_SEPARATOR = Pattern.compile("\\s*,\\s*");
    private static final Pattern LEVEL = Pattern.compile("lvl(\\d{1,3})");

    /** The product this record belongs to: its product id when it has one, else its own objectID. */
    String productKey() {
        return productId != null ? productId : objectId;
    }

    static AlgoliaRecord read(JsonNode hit, AlgoliaAttributeMapping mapping) {
        String problem = null;
        BigDecimal price = null;
        try {
            price = price(mapping.first(hit, Field.PRICE));
        } catch (ProductRejected unusable) {
            problem = unusable.reason();
        }
        String currency = text(mapping.first(hit, Field.CURRENCY));
        return new AlgoliaRecord(text(hit.get("objectID")), text(mapping.first(hit, Field.PRODUCT_ID)),
                text(mapping.first(hit, Field.NAME)), text(mapping.first(hit, Field.PRODUCT_TYPE)),
                category(mapping.first(hit, Field.CATEGORY)), text(mapping.first(hit, Field.BRAND)),
                tags(mapping.first(hit, Field.TAGS)), price,
                currency == null ? null : currency.toUpperCase(Locale.ROOT),
                images(mapping.all(hit, Field.IMAGE_URLS)), status(mapping.first(hit, Field.STATUS)),
                text(mapping.first(hit, Field.PRODUCT_CODE)),
                new SourceTimes(ProviderTimestamps.anyForm(mapping.first(hit, Field.CREATED_AT)),
                        ProviderTimestamps.anyForm(mapping.first(hit, Field.UPDATED_AT))), problem);
    }

    /**
     * A JSON number or a numeric string as an exact decimal with at least two places; null when absent.
     *
     * @throws ProductRejected for anything else, or a negative price
     */
    static BigDecimal price(JsonNode value) {
        BigDecimal price;
        if (value == null) {
            return null;
        } else if (value.isNumber()) {
            price = Prices.fromNumber(value.decimalValue());
        } else if (value.isTextual()) {
            price = Prices.parse(value.asText());
        } else {
            throw new ProductRejected(SkipReasons.UNPARSABLE_PRICE);
        }
        return price == null || price.scale() >= 2 ? price : price.setScale(2);
    }

    /** The deepest level of {@code hierarchicalCategories}, or a plain category (the first of a list). */
    private static String category(JsonNode value) {
        if (value == null || !value.isObject()) {
            return firstText(value);
        }
        int deepest = -1;
        String category = null;
        for (Map.Entry<String, JsonNode> level : value.properties()) {
            Matcher matcher = LEVEL.matcher(level.getKey());
            if (matcher.matches()) {
                String name = firstText(level.getValue());
                int depth = Integer.parseInt(matcher.group(1));
                if (name != null && depth > deepest) {
                    deepest = depth;
                    category = name;
                }
            }
        }
        return category;
    }

    /** {@code true}/{@code false} (published or not), or the platform's word for it; active when absent. */
    private static String status(JsonNode value) {
        if (value == null) {
            return ACTIVE;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? ACTIVE : DRAFT;
        }
        String text = text(value);
        if (text == null) {
            return ACTIVE;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "active", "published", "publish", "enabled", "visible" -> ACTIVE;
            case "draft", "unpublished", "pending", "private", "disabled", "hidden" -> DRAFT;
            case "archived" -> ARCHIVED;
            default -> text.toLowerCase(Locale.ROOT);
        };
    }

    /** Image URLs from strings, lists of strings, or lists of objects carrying {@code src} or {@code url}. */
    private static List<String> images(List<JsonNode> values) {
        List<String> urls = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.isArray()) {
                value.forEach(item -> addImage(item, urls));
            } else {
                addImage(value, urls);
            }
        }
        return urls;
    }

    private static void addImage(JsonNode item, List<String> urls) {
        String url = item.isObject() ? fieldText(item, "src", "url") : text(item);
        if (url != null) {
            urls.add(url);
        }
    }

    private static String fieldText(JsonNode object, String... fields) {
        for (String field : fields) {
            String text = text(object.get(field));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** Strings, lists of strings, or one comma-separated string (as Shopify writes tags). */
    private static List<String> tags(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value != null) {
            if (value.isArray()) {
                value.forEach(item -> {
                    String text = text(item);
                    if (text != null) {
                        texts.add(text);
                    }
                });
            } else {
                String text = text(value);
                if (text != null) {
                    for (String part : TAG_SEPARATOR.split(text)) {
                        if (!part.isBlank()) {
                            texts.add(part.strip());
                        }
                    }
                }
            }
        }
        return texts;
    }

    /** A scalar's text, or the first non-empty one of a list. */
    private static String firstText(JsonNode value) {
        if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                String text = text(item);
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return text(value);
    }

    /** A scalar as trimmed text (numbers too: product ids are often numbers); null when empty or not a scalar. */
    static String text(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
