package io.collections.application.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Counts distinct image URLs in bounded memory: each URL is kept as a 64-bit FNV-1a/murmur-mixed hash in an
 * open-addressing table of longs (16 bytes per URL at most), so a million-product import needs a few MiB, not
 * the URLs themselves. Two different URLs sharing a 64-bit hash would be counted once; with a few million URLs
 * the chance of that is below one in a million.
 */
final class ImageCounter {
    private long[] table = new long[1024];
    private boolean hasZero;
    private int size;

    void add(String url) {
        long hash = hash(url);
        if (hash == 0) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            return;
        }
        if ((size + 1) * 2L > table.length) {
            grow();
        }
        if (insert(table, hash)) {
            size++;
        }
    }

    long count() {
        return size;
    }

    private static boolean insert(long[] into, long hash) {
        int mask = into.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (into[slot] != 0) {
            if (into[slot] == hash) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        into[slot] = hash;
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        Arrays.stream(table).filter(h -> h != 0).forEach(h -> insert(bigger, h));
        table = bigger;
    }

    private static long hash(String url) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
