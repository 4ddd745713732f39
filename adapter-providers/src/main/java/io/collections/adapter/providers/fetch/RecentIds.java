package io.collections.adapter.providers.fetch;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids (or cursors) seen lately, in bounded memory: 64-bit hashes in two generations of at most
 * {@code generationSize} each, so the most recent {@code generationSize} to {@code 2 * generationSize} values are
 * always remembered and older ones are forgotten.
 */
final class RecentIds {
    private final int generationSize;
    private Set<Long> current = new HashSet<>();
    private Set<Long> previous = new HashSet<>();

    RecentIds(int generationSize) {
        this.generationSize = generationSize;
    }

    /** Remembers the value; false when it was already remembered. */
    boolean add(String value) {
        long hash = hash(value);
        if (previous.contains(hash) || !current.add(hash)) {
            return false;
        }
        if (current.size() >= generationSize) {
            previous = current;
            current = new HashSet<>();
        }
        return true;
    }

    /** FNV-1a over the UTF-16 units: 64 bits, so collisions among a few hundred thousand values are negligible. */
    private static long hash(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
