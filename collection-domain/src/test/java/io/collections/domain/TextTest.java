package io.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(Text.length("\uD83D\uDE00".repeat(255))).isEqualTo(255);
        assertThat(Text.length("e\u0301")).isEqualTo(2);
        assertThat(Text.length("")).isZero();
    }

    @Test
    void trimsEveryKindOfWhiteSpaceIncludingNoBreakSpaces() {
        assertThat(Text.trim("\u00a0\u2007 Shoes \u202f\u3000\t")).isEqualTo("Shoes");
        assertThat(Text.trim("a\u00a0b")).isEqualTo("a\u00a0b");
        assertThat(Text.trim("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
        assertThat(Text.isBlank("\u00a0\u2007\u202f")).isTrue();
        assertThat(Text.isBlank(" x ")).isFalse();
    }
}
