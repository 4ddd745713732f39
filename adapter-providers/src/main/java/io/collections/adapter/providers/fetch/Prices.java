package io.collections.adapter.providers.fetch;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Exact decimal prices from the providers' texts and micros; never through a double. */
public final class Prices {
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,6})?|\\.\\d{1,6}");
    private static final Pattern MICROS = Pattern.compile("\\d{1,21}");

    private Prices() {
    }

    /**
     * "19.90" as 19.90; null or blank as no price (WooCommerce sends "" for an unpriced product).
     *
     * @throws ProductRejected with {@link SkipReasons#UNPARSABLE_PRICE} for anything else that is not a plain,
     *         non-negative decimal
     */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            throw new ProductRejected(SkipReasons.UNPARSABLE_PRICE);
        }
        return new BigDecimal(value);
    }

    /** Google's {@code amountMicros} (an int64 written as a JSON string): "24990000" is 24.99. */
    public static BigDecimal fromMicros(String micros) {
        if (micros == null || micros.isBlank()) {
            return null;
        }
        if (!MICROS.matcher(micros.strip()).matches()) {
            throw new ProductRejected(SkipReasons.UNPARSABLE_PRICE);
        }
        BigDecimal value = new BigDecimal(micros.strip()).movePointLeft(6).stripTrailingZeros();
        return value.scale() < 2 ? value.setScale(2) : value;
    }

    /** A JSON number as an exact decimal (Algolia's {@code price}); negative numbers do not parse as prices. */
    public static BigDecimal fromNumber(BigDecimal number) {
        if (number == null) {
            return null;
        }
        if (number.signum() < 0 || number.scale() > 6 || number.precision() - number.scale() > 15) {
            throw new ProductRejected(SkipReasons.UNPARSABLE_PRICE);
        }
        return number;
    }
}
