package io.collections.adapter.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.collections.domain.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads request bodies strictly (no duplicate keys, nothing after the value, at most 100 levels of nesting) and
 * writes responses in snake_case. Thread-safe; one instance serves the whole application.
 */
public final class JsonCodec {
    public static final int MAX_NESTING_DEPTH = 100;

    private final ObjectMapper mapper;

    public JsonCodec() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }

    /**
     * Parses a whole body into a tree.
     *
     * @throws InvalidInputException naming what is wrong with the body, never quoting it
     */
    public JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidInputException("body", "is empty; a JSON object is required");
        }
        int malformed = StrictUtf8.firstMalformed(body);
        if (malformed >= 0) {
            throw new InvalidInputException("body", "is not valid UTF-8 (at byte " + malformed + ")");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("body", "is empty; a JSON object is required");
            }
            requireWellFormedText(node);
            return node;
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException("body", "nests deeper than " + MAX_NESTING_DEPTH
                    + " levels or holds a value that is too large");
        } catch (MismatchedInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Trailing token")) {
                throw new InvalidInputException("body", "has content after the JSON value");
            }
            throw new InvalidInputException("body", "is not valid JSON" + where(e));
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                String field = message.substring(message.indexOf('\'') + 1, message.lastIndexOf('\''));
                throw new InvalidInputException("body", "has the field '" + shorten(field) + "' more than once");
            }
            throw new InvalidInputException("body", "is not valid JSON" + where(e));
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                throw new InvalidInputException("body", "has a field more than once");
            }
            throw new InvalidInputException("body", "is not valid JSON" + where(e));
        } catch (IOException e) {
            throw new InvalidInputException("body", "could not be read as JSON");
        }
    }

    /**
     * A {@code \\ud800} escape without its other half parses into a string that cannot be written as UTF-8: it
     * would be stored as "?". Refused instead (Jackson itself refuses such a field name).
     */
    private static void requireWellFormedText(JsonNode root) {
        java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && hasUnpairedSurrogate(node.textValue())) {
                throw new InvalidInputException("body", "holds a string with half of a UTF-16 surrogate pair");
            }
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(pending::push);
            }
        }
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private static String where(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        return " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
