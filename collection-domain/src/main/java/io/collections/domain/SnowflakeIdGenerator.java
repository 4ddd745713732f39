package io.collections.domain;

import java.time.Clock;
import java.time.Instant;

/**
 * Ids from time, node and sequence bits: 41 bits of milliseconds since 2024-01-01, 10 bits of node (0 to
 * 1023) and 12 bits of sequence, so 4,096 ids per millisecond per node. Unique across instances as long as each
 * running instance has its own node number; the sequence waits for the next millisecond rather than repeat,
 * and a clock that steps back is waited out.
 */
public final class SnowflakeIdGenerator implements IdGenerator {
    static final long EPOCH_MILLIS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final int NODE_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    public static final int MAX_NODE = (1 << NODE_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final long node;
    private final Clock clock;
    private long lastMillis = -1;
    private long sequence;

    public SnowflakeIdGenerator(int node, Clock clock) {
        if (node < 0 || node > MAX_NODE) {
            throw new IllegalArgumentException("node must be between 0 and " + MAX_NODE + ", got " + node);
        }
        this.node = node;
        this.clock = clock;
    }

    @Override
    public synchronized long nextId() {
        long now = clock.millis() - EPOCH_MILLIS;
        if (now < lastMillis) {
            now = lastMillis;
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                now = waitForNextMillis(lastMillis);
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return (now << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
    }

    private long waitForNextMillis(long last) {
        long now = clock.millis() - EPOCH_MILLIS;
        while (now <= last) {
            Thread.onSpinWait();
            now = clock.millis() - EPOCH_MILLIS;
        }
        return now;
    }
}
