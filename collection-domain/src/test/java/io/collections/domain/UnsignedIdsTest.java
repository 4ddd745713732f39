package io.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnsignedIdsTest {

    /** Both id types share the parser; each case runs against both, with the field each one names. */
    static Stream<Arguments> parsers() {
        return Stream.of(
                Arguments.of("collection id", (Function<String, Long>) text -> CollectionId.parse(text).value(),
                        (Function<String, String>) text -> CollectionId.parse(text).toString()),
                Arguments.of("product_id", (Function<String, Long>) text -> ProductId.parse(text).value(),
                        (Function<String, String>) text -> ProductId.parse(text).toString()));
    }

    static Stream<Arguments> valid() {
        return parsers().flatMap(parser -> Stream.of(
                new Object[] {"1", 1L, "1"},
                new Object[] {"007", 7L, "7"},
                new Object[] {"000000000000000000000001", 1L, "1"},
                new Object[] {"9223372036854775807", Long.MAX_VALUE, "9223372036854775807"},
                new Object[] {"9223372036854775808", Long.MIN_VALUE, "9223372036854775808"},
                new Object[] {"10000000000000000000", -8446744073709551616L, "10000000000000000000"},
                new Object[] {"18446744073709551615", -1L, "18446744073709551615"},
                new Object[] {"018446744073709551615", -1L, "18446744073709551615"})
                .map(c -> Arguments.of(parser.get()[0], parser.get()[1], parser.get()[2], c[0], c[1], c[2])));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("valid")
    void parsesUnsignedDecimalAndPrintsItBack(String field, Function<String, Long> parse,
            Function<String, String> roundTrip, String text, long expected, String printed) {
        assertThat(parse.apply(text)).isEqualTo(expected);
        assertThat(roundTrip.apply(text)).isEqualTo(printed);
    }

    static Stream<Arguments> invalid() {
        return parsers().flatMap(parser -> Stream.of(
                new Object[] {"18446744073709551616", "must be at most 18446744073709551615"},
                new Object[] {"99999999999999999999", "must be at most 18446744073709551615"},
                new Object[] {"100000000000000000000", "must be at most 18446744073709551615"},
                new Object[] {"0", "must be at least 1"},
                new Object[] {"000", "must be at least 1"},
                new Object[] {"-1", "must contain only the digits 0-9, got '-1'"},
                new Object[] {"+1", "must contain only the digits 0-9, got '+1'"},
                new Object[] {"1.0", "must contain only the digits 0-9, got '1.0'"},
                new Object[] {" 1", "must contain only the digits 0-9, got ' 1'"},
                new Object[] {"1 ", "must contain only the digits 0-9, got '1 '"},
                new Object[] {"1e3", "must contain only the digits 0-9, got '1e3'"},
                new Object[] {"abc", "must contain only the digits 0-9, got 'abc'"},
                new Object[] {"\u0661", "must contain only the digits 0-9"},
                new Object[] {"", "must be a non-empty decimal string"},
                new Object[] {null, "must be a non-empty decimal string"})
                .map(c -> Arguments.of(parser.get()[0], parser.get()[1], c[0], c[1])));
    }

    @ParameterizedTest(name = "{0} \"{2}\"")
    @MethodSource("invalid")
    void refusesWithAMessageNamingFieldAndProblem(String field, Function<String, Long> parse, String text,
            String reason) {
        assertThatThrownBy(() -> parse.apply(text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith(field + " ").contains(reason);
                });
    }

    @Test
    void abbreviatesALongInputInTheMessage() {
        String longText = "x".repeat(1000);
        assertThatThrownBy(() -> ProductId.parse(longText))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120).contains("..."));
    }

    @Test
    void zeroIsNotAnId() {
        assertThatThrownBy(() -> new CollectionId(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ProductId(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void printsAndOrdersValuesAboveLongMaxAsUnsigned() {
        CollectionId big = new CollectionId(-1L);
        CollectionId small = new CollectionId(1L);
        CollectionId middle = new CollectionId(Long.MIN_VALUE);
        assertThat(big.toString()).isEqualTo("18446744073709551615");
        assertThat(middle.toString()).isEqualTo("9223372036854775808");
        assertThat(new ProductId(-2L).toString()).isEqualTo("18446744073709551614");
        assertThat(big).isGreaterThan(middle);
        assertThat(middle).isGreaterThan(new CollectionId(Long.MAX_VALUE));
        assertThat(small).isLessThan(middle);
        assertThat(new ProductId(-1L)).isGreaterThan(new ProductId(Long.MAX_VALUE));
    }

    @Test
    void equalIdsAreEqualValues() {
        assertThat(CollectionId.parse("007")).isEqualTo(CollectionId.parse("7")).isEqualTo(new CollectionId(7));
        assertThat(ProductId.parse("18446744073709551615")).isEqualTo(new ProductId(-1L));
    }
}
