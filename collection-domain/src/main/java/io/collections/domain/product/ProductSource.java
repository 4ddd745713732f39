package io.collections.domain.product;

import io.collections.domain.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where an imported product came from: the provider (as named in the import path), the account at that
 * provider (shop, merchant, index or store), the provider's own id, and when the provider says the product was
 * created and last updated there (each null when the provider does not say). Importing again updates, keyed by
 * provider, account and external id.
 */
public record ProductSource(String provider, String account, String externalId, Instant createdAt,
        Instant updatedAt) {
    /** The earliest provider timestamp kept: years before 1 cannot be written as ISO-8601 without a sign. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest provider timestamp kept: later years need more than four digits. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** Provider timestamps are kept to the millisecond, as every timestamp here is stored (decision 0006). */
    public ProductSource {
        require("source.provider", provider, 64);
        require("source.account", account, 512);
        require("source.external_id", externalId, 255);
        createdAt = timestamp("source.created_at", createdAt);
        updatedAt = timestamp("source.updated_at", updatedAt);
    }

    /** A source whose provider gives no timestamps. */
    public ProductSource(String provider, String account, String externalId) {
        this(provider, account, externalId, null, null);
    }

    /** Whether a provider timestamp lies in the range a source keeps. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
    }

    private static Instant timestamp(String field, Instant value) {
        if (value == null) {
            return null;
        }
        if (!inRange(value)) {
            throw new InvalidInputException(field, "must be between the years 0001 and 9999");
        }
        return value.truncatedTo(ChronoUnit.MILLIS);
    }
}
