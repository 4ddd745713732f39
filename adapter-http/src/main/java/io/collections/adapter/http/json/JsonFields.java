package io.collections.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.domain.InvalidInputException;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, strict access to the fields of one JSON object of a request. Every error names the field by its full
 * path ({@code product_inclusion_rules.rules[2].value}) and says what was expected.
 */
public final class JsonFields {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

    private final ObjectNode node;
    private final String prefix;

    private JsonFields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The object at the top of a body; anything else is a 400. */
    public static JsonFields body(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidInputException("body", "must be a JSON object, got " + kind(node));
        }
        return new JsonFields(object, "");
    }

    /** A nested object, named {@code path} in errors. */
    public static JsonFields object(JsonNode node, String path) {
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidInputException(path, "must be a JSON object, got " + kind(node));
        }
        return new JsonFields(object, path + ".");
    }

    /**
     * Refuses every field that is neither writable nor known: read-only fields are named as such, others as
     * unknown.
     */
    public JsonFields allowOnly(Set<String> writable, Set<String> readOnly, String entity) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (writable.contains(name)) {
                continue;
            }
            if (readOnly.contains(name)) {
                throw new InvalidInputException(path(name), "is read-only and cannot be set");
            }
            throw new InvalidInputException(path(shorten(name)), "is not a field of " + entity);
        }
        return this;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNull();
    }

    public JsonNode node(String field) {
        return node.get(field);
    }

    public String path(String field) {
        return prefix + field;
    }

    /** A string, or null when absent or JSON null. */
    public String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return value.textValue();
    }

    /** A boolean, or null when absent or JSON null. */
    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false", value);
        }
        return value.booleanValue();
    }

    /** A decimal written as a plain decimal string ({@code "12.50"}) or a JSON number; null when absent or null. */
    public BigDecimal decimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                throw new InvalidInputException(path(field), "must be a decimal such as \"12.50\"");
            }
            return new BigDecimal(text);
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            if (Math.abs((long) decimal.scale()) > 30) {
                throw new InvalidInputException(path(field), "must be a decimal such as \"12.50\"");
            }
            return decimal;
        }
        throw wrongType(field, "a decimal string such as \"12.50\"", value);
    }

    /** An ISO-8601 timestamp with a zone ({@code 2024-01-07T12:30:00Z}); null when absent or null. */
    public Instant timestamp(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path(field), "must be an ISO-8601 timestamp such as 2024-01-07T12:30:00Z");
        }
        // The database keeps UTC times of four-digit years; -999999999-01-01T00:00+18:00 parses, but not in UTC.
        if (!ProductSource.inRange(instant)) {
            throw new InvalidInputException(path(field), "must be between the years 0001 and 9999");
        }
        return instant;
    }

    /** An array of strings; an empty list when absent or null. */
    public List<String> strings(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(field, "an array of strings", value);
        }
        List<String> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw new InvalidInputException(path(field) + "[" + i + "]", "must be a string, got " + kind(item));
            }
            result.add(item.textValue());
        }
        return result;
    }

    private InvalidInputException wrongType(String field, String expected, JsonNode value) {
        return new InvalidInputException(path(field), "must be " + expected + ", got " + kind(value));
    }

    /** What kind of JSON value this is, for error messages (never the value itself). */
    public static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        switch (value.getNodeType()) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            default: return "an unexpected value";
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
