package io.collections.adapter.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits long id lists so that no IN list grows beyond what drivers and planners handle well. */
final class Chunks {
    static final int SIZE = 1000;

    private Chunks() {
    }

    /**
     * Like {@link #of}, with each chunk grown to a power of two by repeating its last value, for {@code IN} lists:
     * a statement text per list length would be parsed and planned anew each time (H2 keeps a few per session),
     * and a repeated value changes nothing in an {@code IN} list.
     */
    static <T> List<List<T>> padded(Collection<T> values) {
        List<List<T>> chunks = of(values);
        for (int i = 0; i < chunks.size(); i++) {
            List<T> chunk = chunks.get(i);
            int size = Integer.highestOneBit(chunk.size());
            if (size != chunk.size()) {
                List<T> grown = new ArrayList<>(chunk);
                while (grown.size() < size * 2) {
                    grown.add(chunk.get(chunk.size() - 1));
                }
                chunks.set(i, grown);
            }
        }
        return chunks;
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
