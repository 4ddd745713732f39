package io.collections.adapter.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits long id lists so that no IN list grows beyond what drivers and planners handle well. */
final class Chunks {
    static final int SIZE = 1000;

    private Chunks() {
    }

    static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += SIZE) {
            chunks.add(all.subList(start, Math.min(all.size(), start + SIZE)));
        }
        return chunks;
    }
}
