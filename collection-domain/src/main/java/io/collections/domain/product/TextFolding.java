package io.collections.domain.product;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case folding for rule matching: locale-independent (a Turkish default locale must not change results), full
 * Unicode folding (so "STRASSE" equals "straße") and canonical composition (so a decomposed "é" equals a composed one).
 */
public final class TextFolding {
    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                String folded = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
                return Normalizer.normalize(folded, Normalizer.Form.NFC);
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
