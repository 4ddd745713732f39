package io.collections.domain.rule;

import static io.collections.domain.Fixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.TextFolding;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Text matching must not depend on the JVM's default locale; Turkish is the classic trap (I/ı, İ/i). */
class LocaleIndependenceTest {
    private Locale saved;

    @BeforeEach
    void turkish() {
        saved = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private static boolean matches(String type, String relation, String value, ProductDetails product) {
        return InclusionRule.of(type, relation, value).matches(product);
    }

    @Test
    void dottedAndDotlessIDoNotDependOnTheDefaultLocale() {
        assertThat("TITLE".toLowerCase()).as("the trap is armed").isEqualTo("t\u0131tle");
        assertThat(TextFolding.fold("TITLE")).isEqualTo("title");
        assertThat(TextFolding.fold("ISTANBUL")).isEqualTo(TextFolding.fold("istanbul"));

        assertThat(matches("name", "equals", "TITLE", details().name("title").build())).isTrue();
        assertThat(matches("name", "equals", "title", details().name("TITLE").build())).isTrue();
        assertThat(matches("brand", "equals", "ISTANBUL", details().brand("istanbul").build())).isTrue();
        assertThat(matches("brand", "equals", "istanbul", details().brand("ISTANBUL").build())).isTrue();
        assertThat(matches("product_type", "contains", "IST", details().productType("Istanbul").build())).isTrue();
        assertThat(matches("product_type", "starts_with", "is", details().productType("ISTANBUL").build()))
                .isTrue();
        assertThat(matches("tag", "equals", "INDIGO", details().tags(List.of("indigo")).build())).isTrue();
        assertThat(matches("tag", "ends_with", "GO", details().tags(List.of("indigo")).build())).isTrue();
    }

    @Test
    void fullCaseFoldingSharpS() {
        assertThat(matches("name", "equals", "STRASSE", details().name("straße").build())).isTrue();
        assertThat(matches("name", "equals", "straße", details().name("STRASSE").build())).isTrue();
        assertThat(matches("name", "equals", "Straße", details().name("strasse").build())).isTrue();
        assertThat(matches("name", "contains", "SS", details().name("Große Straße").build())).isTrue();
        assertThat(matches("tag", "equals", "STRASSE", details().tags(List.of("straße")).build())).isTrue();
    }

    @Test
    void canonicallyEquivalentFormsAreEqual() {
        String decomposed = "Cafe\u0301";
        String composed = "Caf\u00e9";
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(TextFolding.fold(decomposed)).isEqualTo(TextFolding.fold(composed));
        assertThat(matches("name", "equals", decomposed, details().name("CAF\u00c9").build())).isTrue();
        assertThat(matches("name", "equals", composed, details().name("cafe\u0301").build())).isTrue();
        assertThat(matches("brand", "ends_with", "\u00e9", details().brand("CAFE\u0301").build())).isTrue();
        assertThat(matches("tag", "equals", "e\u0301", details().tags(List.of("\u00c9")).build())).isTrue();
    }

    @Test
    void otherScriptsFoldToo() {
        assertThat(matches("name", "equals", "ΣΟΦΊΑ", details().name("σοφία").build())).isTrue();
        assertThat(matches("name", "equals", "ПРИВЕТ", details().name("привет").build())).isTrue();
        assertThat(matches("name", "equals", "\u212Aelvin", details().name("kelvin").build())).isTrue();
        assertThat(matches("name", "equals", "\u017Fale", details().name("SALE").build())).isTrue();
    }

    @Test
    void foldingIsIdempotentAndNullSafe() {
        for (String text : List.of("TITLE", "straße", "Cafe\u0301", "İstanbul", "ΣΟΦΊΑ", "\u212A", "abc")) {
            String once = TextFolding.fold(text);
            assertThat(TextFolding.fold(once)).as(text).isEqualTo(once);
        }
        assertThat(TextFolding.fold(null)).isNull();
    }
}
