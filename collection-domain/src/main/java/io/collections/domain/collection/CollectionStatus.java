package io.collections.domain.collection;

import io.collections.domain.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a collection is in its publishing lifecycle. Only ENABLED collections are offered to sales channels;
 * ARCHIVED ones are read-only until restored to DRAFT.
 */
public enum CollectionStatus {
    DRAFT, ENABLED, DISABLED, ARCHIVED;

    /** The statuses this one may change to. */
    public Set<CollectionStatus> next() {
        switch (this) {
            case DRAFT:
                return EnumSet.of(ENABLED, DISABLED, ARCHIVED);
            case ENABLED:
                return EnumSet.of(DISABLED, ARCHIVED);
            case DISABLED:
                return EnumSet.of(ENABLED, ARCHIVED);
            default:
                return EnumSet.of(DRAFT);
        }
    }

    public boolean canChangeTo(CollectionStatus target) {
        return next().contains(target);
    }

    public boolean isAvailableToSalesChannels() {
        return this == ENABLED;
    }

    public static CollectionStatus parse(String field, String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of " + names(List.of(values()))));
    }

    static String names(java.util.Collection<CollectionStatus> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
