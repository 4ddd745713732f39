package io.collections.bench.load;

import java.util.Arrays;

/** Latencies in microseconds, summarized as percentiles. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    synchronized String summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return String.format("n=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms", size, percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), size == 0 ? 0.0 : sorted[size - 1] / 1000.0);
    }

    synchronized double p99Millis() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return percentile(sorted, 99);
    }

    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }
}
