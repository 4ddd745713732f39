package io.collections.domain;

/**
 * How the domain measures and trims text a user gives: lengths in characters (Unicode code points, so an emoji is
 * one, as SPEC's "255 characters" means and PostgreSQL counts), and blanks as Unicode's white space, including the
 * no-break spaces that {@link String#strip()} keeps.
 */
public final class Text {
    private Text() {
    }

    /** The number of characters (code points). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether the text holds nothing but white space. */
    public static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }

    /** The text without white space at either end. */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
