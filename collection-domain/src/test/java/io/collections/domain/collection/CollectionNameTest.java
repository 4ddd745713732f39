package io.collections.domain.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollectionNameTest {

    @Test
    void nullIsRequired() {
        assertThatThrownBy(() -> ProductCollection.checkName(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.reason()).isEqualTo("is required");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\n", "\u2003", "\u3000 "})
    void emptyOrBlankIsRefused(String name) {
        assertThatThrownBy(() -> ProductCollection.checkName(name))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.reason()).isEqualTo("must not be empty");
                });
    }

    @Test
    void isTrimmed() {
        assertThat(ProductCollection.checkName("  Summer sale \t")).isEqualTo("Summer sale");
        assertThat(ProductCollection.checkName("\u2003Winter\u2003")).isEqualTo("Winter");
        assertThat(ProductCollection.checkName("a")).isEqualTo("a");
    }

    @Test
    void twoHundredFiftyFiveCharactersAreAllowedAndOneMoreIsNot() {
        String max = "n".repeat(255);
        assertThat(ProductCollection.checkName(max)).isEqualTo(max);
        assertThat(ProductCollection.checkName("  " + max + "  ")).isEqualTo(max);
        assertThatThrownBy(() -> ProductCollection.checkName(max + "n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.reason()).isEqualTo("must be at most 255 characters");
                });
    }

    @Test
    void countsCharactersAsCodePointsSoEmojiAreOneEach() {
        String emoji = "\uD83D\uDE00";
        String max = emoji.repeat(255);
        assertThat(max.length()).isEqualTo(510);
        assertThat(ProductCollection.checkName(max)).isEqualTo(max);
        assertThatThrownBy(() -> ProductCollection.checkName(max + emoji))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 255");
    }
}
