package io.collections.domain;

/**
 * How the domain measures text a user gives: in characters (Unicode code points, so an emoji is one, as SPEC's "255
 * characters" means and PostgreSQL counts), not in UTF-16 units.
 */
public final class Text {
    private Text() {
    }

    /** The number of characters (code points). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
