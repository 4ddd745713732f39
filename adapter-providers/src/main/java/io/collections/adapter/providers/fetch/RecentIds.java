package io.collections.adapter.providers.fetch;

import java.util.Arrays;

/**
 * The ids (or cursors) seen lately, in bounded memory: 64-bit hashes in two generations of at most
 * {@code generationSize} each, so the most recent {@code generationSize} to {@code 2 * generationSize} values are
 * always remembered and older ones are forgotten. Each generation is an open-addressing table of primitive longs
 * (no boxing: this sits on the path of every product fetched).
 */
final class RecentIds {
    private final int generationSize;
    private final int mask;
    private long[] current;
    private long[] previous;
    private int currentSize;

    RecentIds(int generationSize) {
        this.generationSize = generationSize;
        int capacity = Integer.highestOneBit(Math.max(4, generationSize * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.current = new long[capacity];
        this.previous = new long[capacity];
    }

    /** Remembers the value; false when it was already remembered. */
    boolean add(String value) {
        long hash = hash(value);
        if (contains(previous, hash)) {
            return false;
        }
        int slot = slot(hash);
        while (current[slot] != 0) {
            if (current[slot] == hash) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        current[slot] = hash;
        if (++currentSize >= generationSize) {
            long[] recycled = previous;
            Arrays.fill(recycled, 0L);
            previous = current;
            current = recycled;
            currentSize = 0;
        }
        return true;
    }

    /** True when the value is remembered; remembers nothing. */
    boolean contains(String value) {
        long hash = hash(value);
        return contains(previous, hash) || contains(current, hash);
    }

    private boolean contains(long[] table, long hash) {
        int slot = slot(hash);
        while (table[slot] != 0) {
            if (table[slot] == hash) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 29)) & mask;
    }

    /**
     * FNV-1a over the UTF-16 units: 64 bits, so collisions among a few hundred thousand values are negligible.
     * Never 0, which marks an empty slot.
     */
    private static long hash(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash == 0 ? 1 : hash;
    }
}
