package io.collections.domain;

/** Parsing and printing of the unsigned 64-bit ids that every entity carries on the wire. */
final class UnsignedIds {
    static final String MAX = "18446744073709551615";

    private UnsignedIds() {
    }

    static long parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(field, "must be a non-empty decimal string");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidInputException(field, "must contain only the digits 0-9, got '" + abbreviate(text) + "'");
            }
        }
        String digits = stripLeadingZeros(text);
        if (digits.length() > MAX.length() || (digits.length() == MAX.length() && digits.compareTo(MAX) > 0)) {
            throw new InvalidInputException(field, "must be at most " + MAX);
        }
        long value = Long.parseUnsignedLong(digits);
        if (value == 0) {
            throw new InvalidInputException(field, "must be at least 1");
        }
        return value;
    }

    static void requireNonZero(String field, long value) {
        if (value == 0) {
            throw new InvalidInputException(field, "must be at least 1");
        }
    }

    static String format(long value) {
        return Long.toUnsignedString(value);
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
