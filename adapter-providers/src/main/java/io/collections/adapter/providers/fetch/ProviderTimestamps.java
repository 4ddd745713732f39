package io.collections.adapter.providers.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The providers' timestamps as instants. A timestamp is informative, never a reason to skip a product: anything
 * that does not parse, or lies outside the years 0001 to 9999 that a source keeps, is read as "not said" (null).
 */
public final class ProviderTimestamps {
    /** Epoch numbers from this size on are milliseconds: as seconds they would fall after the year 5138. */
    static final BigDecimal MILLISECONDS_FROM = new BigDecimal("100000000000");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,19}(\\.\\d{1,9})?");
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private ProviderTimestamps() {
    }

    /** RFC 3339 with {@code Z} or an offset, as Shopify's GraphQL {@code DateTime} and Google's {@code Timestamp}. */
    public static Instant withOffset(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        Instant common = secondsInUtc(value, true);
        if (common != null) {
            return common;
        }
        try {
            return kept(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A date and time without offset that the provider writes in UTC, as WooCommerce's {@code *_gmt} fields
     * ({@code 2024-01-07T12:30:00}); one with an offset is read as such.
     */
    public static Instant utcWithoutOffset(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        Instant common = secondsInUtc(value, false);
        if (common != null) {
            return common;
        }
        try {
            return kept(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return withOffset(value);
        }
    }

    /**
     * Whatever a schemaless index holds: epoch seconds (or milliseconds, see {@link #MILLISECONDS_FROM}) as a
     * number or a numeric string, RFC 3339, a date and time without offset (UTC), or a date (its midnight, UTC).
     */
    public static Instant anyForm(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return epoch(value.decimalValue());
        }
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().strip();
        if (EPOCH.matcher(text).matches()) {
            return epoch(new BigDecimal(text));
        }
        Instant instant = utcWithoutOffset(text);
        if (instant != null) {
            return instant;
        }
        try {
            return kept(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The shape nearly every provider sends, {@code 2024-01-07T12:30:00} (with {@code Z} when {@code withZ}), read
     * without the general formatter, which costs several times more per product; null for any other text (which
     * the caller then gives to the formatter) and for an impossible date.
     */
    private static Instant secondsInUtc(String text, boolean withZ) {
        if (text.length() != (withZ ? 20 : 19) || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || withZ && text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 1 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The decimal number of {@code count} ASCII digits from {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant epoch(BigDecimal number) {
        BigDecimal seconds = number.abs().compareTo(MILLISECONDS_FROM) >= 0 ? number.movePointLeft(3) : number;
        if (seconds.compareTo(BigDecimal.valueOf(ProductSource.LATEST.getEpochSecond())) > 0
                || seconds.compareTo(BigDecimal.valueOf(ProductSource.EARLIEST.getEpochSecond())) < 0) {
            return null;
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).multiply(NANOS).setScale(0, RoundingMode.DOWN).longValueExact();
        return kept(Instant.ofEpochSecond(whole.longValueExact(), nanos));
    }

    private static Instant kept(Instant instant) {
        return ProductSource.inRange(instant) ? instant : null;
    }
}
