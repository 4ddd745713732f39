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
}
