package io.collections.adapter.providers.fetch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.adapter.providers.http.UnreadableAnswerException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming reads of provider JSON: a body is walked token by token and only one product at a time becomes a tree,
 * so memory is bounded by a page whatever the body's size. Also small null-safe readers of those trees.
 */
public final class JsonStreams {
    /** Decimal numbers stay exact ({@code 19.90} is a BigDecimal, never a double), for prices sent as numbers. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(NODES);
    /** Caches the tree deserializer, which {@code ObjectMapper.readTree} looks up on every call. */
    private static final ObjectReader TREES = MAPPER.readerFor(JsonNode.class);

    private JsonStreams() {
    }

    public static JsonParser parser(InputStream body) throws IOException {
        return MAPPER.createParser(body);
    }

    /** Reads the value the parser is at (after {@code nextToken()}) as a tree. */
    public static JsonNode tree(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            return TREES.readValue(parser);
        }
        return scalar(parser, token);
    }

    /** A scalar value as a node, without going through a deserializer (most fields of a product are scalars). */
    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new UnreadableAnswerException("unexpected JSON token " + token);
        }
    }

    /**
     * With the parser at {@code START_ARRAY}, hands each element to {@code each} as a tree, one at a time.
     *
     * @throws IOException when the value is not an array or the body breaks off
     */
    public static void forEachElement(JsonParser parser, ElementReader each) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new UnreadableAnswerException("expected a JSON array, found " + parser.currentToken());
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new UnreadableAnswerException("the JSON body ends inside an array");
            }
            each.read(tree(parser));
        }
    }

    /**
     * Like {@link #forEachElement(JsonParser, ElementReader)} for an array of objects, but each tree holds only the
     * named fields: the others (descriptions, links, metadata) are skipped by the parser without building strings
     * or nodes. An element that is not an object is handed over whole.
     */
    public static void forEachElement(JsonParser parser, java.util.Set<String> fields, ElementReader each)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new UnreadableAnswerException("expected a JSON array, found " + parser.currentToken());
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonToken token = parser.currentToken();
            if (token == null) {
                throw new UnreadableAnswerException("the JSON body ends inside an array");
            }
            if (token != JsonToken.START_OBJECT) {
                each.read(tree(parser));
                continue;
            }
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (fields.contains(name)) {
                    object.set(name, tree(parser));
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new UnreadableAnswerException("the JSON body ends inside an object");
            }
            each.read(object);
        }
    }

    /** Reads one element of a streamed array. */
    @FunctionalInterface
    public interface ElementReader {
        void read(JsonNode element) throws IOException;
    }

    /** The text at a path of fields, or null when absent, null, or blank. */
    public static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            current = current.path(field);
        }
        if (current.isMissingNode() || current.isNull()) {
            return null;
        }
        String value = current.isValueNode() ? current.asText() : null;
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The texts of an array of strings, or of one field of each element of an array of objects. */
    public static List<String> texts(JsonNode array, String fieldOrNull) {
        List<String> values = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return values;
        }
        for (JsonNode element : array) {
            String value = fieldOrNull == null ? text(element) : text(element, fieldOrNull);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
