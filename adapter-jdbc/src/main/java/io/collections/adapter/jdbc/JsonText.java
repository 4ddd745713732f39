package io.collections.adapter.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the schema stores as text: arrays of strings, and objects (or arrays of objects) whose values
 * are strings. Written and read here so the adapter needs no JSON library.
 */
final class JsonText {
    private final String text;
    private int position;

    private JsonText(String text) {
        this.text = text;
    }

    static String writeStrings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(out, values.get(i));
        }
        return out.append(']').toString();
    }

    static String writeObject(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        appendObject(out, fields);
        return out.toString();
    }

    static String writeObjects(List<Map<String, String>> objects) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendObject(out, objects.get(i));
        }
        return out.append(']').toString();
    }

    static List<String> readStrings(String json) {
        JsonText reader = new JsonText(json);
        List<String> values = new ArrayList<>();
        reader.expect('[');
        if (!reader.consumeIf(']')) {
            do {
                values.add(reader.readString());
            } while (reader.consumeIf(','));
            reader.expect(']');
        }
        return values;
    }

    static Map<String, String> readObject(String json) {
        JsonText reader = new JsonText(json);
        return reader.readObjectValue();
    }

    static List<Map<String, String>> readObjects(String json) {
        JsonText reader = new JsonText(json);
        List<Map<String, String>> objects = new ArrayList<>();
        reader.expect('[');
        if (!reader.consumeIf(']')) {
            do {
                objects.add(reader.readObjectValue());
            } while (reader.consumeIf(','));
            reader.expect(']');
        }
        return objects;
    }

    private static void appendObject(StringBuilder out, Map<String, String> fields) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, field.getKey());
            out.append(':');
            writeString(out, field.getValue());
        }
        out.append('}');
    }

    private static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Map<String, String> readObjectValue() {
        Map<String, String> fields = new LinkedHashMap<>();
        expect('{');
        if (!consumeIf('}')) {
            do {
                String key = readString();
                expect(':');
                fields.put(key, readString());
            } while (consumeIf(','));
            expect('}');
        }
        return fields;
    }

    private String readString() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> value.append(escaped);
            }
        }
    }

    private char next() {
        if (position >= text.length()) {
            throw new IllegalStateException("stored JSON ends early: " + text);
        }
        return text.charAt(position++);
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private void expect(char wanted) {
        skipWhitespace();
        char c = next();
        if (c != wanted) {
            throw new IllegalStateException("stored JSON has '" + c + "' where '" + wanted + "' belongs: " + text);
        }
    }

    private boolean consumeIf(char wanted) {
        skipWhitespace();
        if (position < text.length() && text.charAt(position) == wanted) {
            position++;
            return true;
        }
        return false;
    }
}
