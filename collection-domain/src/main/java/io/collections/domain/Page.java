package io.collections.domain;

import java.util.List;
import java.util.Optional;

/** A page of a list and, when there is more, the cursor that continues it. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
