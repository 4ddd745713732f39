package io.collections.adapter.providers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.http.UnreadableAnswerException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonStreamsTest {

    private static JsonParser at(String json) throws IOException {
        JsonParser parser = JsonStreams.parser(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        parser.nextToken();
        return parser;
    }

    @Test
    void keeps_only_the_named_fields_of_each_element_with_every_kind_of_value() throws IOException {
        List<JsonNode> items = new ArrayList<>();
        JsonStreams.forEachElement(at("[{\"id\":7,\"big\":123456789012,\"price\":19.90,\"on\":true,\"off\":false,"
                + "\"gone\":null,\"name\":\"Tee\",\"tags\":[{\"name\":\"a\"}],\"description\":\"<p>long</p>\","
                + "\"_links\":{\"self\":[{\"href\":\"x\"}]}},42]"),
                Set.of("id", "big", "price", "on", "off", "gone", "name", "tags"), items::add);

        assertThat(items).hasSize(2);
        JsonNode item = items.get(0);
        assertThat(item.fieldNames()).toIterable()
                .containsExactly("id", "big", "price", "on", "off", "gone", "name", "tags");
        assertThat(item.path("id").intValue()).isEqualTo(7);
        assertThat(item.path("big").longValue()).isEqualTo(123456789012L);
        assertThat(item.path("price").decimalValue()).as("exact, scale kept").isEqualTo(new BigDecimal("19.90"));
        assertThat(item.path("on").booleanValue()).isTrue();
        assertThat(item.path("off").booleanValue()).isFalse();
        assertThat(item.path("gone").isNull()).isTrue();
        assertThat(JsonStreams.texts(item.path("tags"), "name")).containsExactly("a");
        assertThat(items.get(1).intValue()).isEqualTo(42);
    }

    @Test
    void whole_trees_keep_decimals_exact_too() throws IOException {
        List<JsonNode> items = new ArrayList<>();
        JsonStreams.forEachElement(at("[{\"price\":0.10,\"nested\":{\"amount\":1234.5678}}]"), items::add);

        assertThat(items.get(0).path("price").decimalValue()).isEqualTo(new BigDecimal("0.10"));
        assertThat(items.get(0).path("nested").path("amount").decimalValue()).isEqualTo(new BigDecimal("1234.5678"));
    }

    @Test
    void refuses_what_is_not_an_array() {
        assertThatThrownBy(() -> JsonStreams.forEachElement(at("{\"code\":\"x\"}"), Set.of("id"), item -> { }))
                .isInstanceOf(UnreadableAnswerException.class).hasMessageContaining("expected a JSON array");
    }
}
