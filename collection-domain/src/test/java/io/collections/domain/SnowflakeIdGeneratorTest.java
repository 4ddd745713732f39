package io.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeIdGeneratorTest {

    /** A clock the test moves by hand; reading it can also move it forward every {@code tickEvery} reads. */
    private static final class HandClock extends Clock {
        final AtomicLong millis;
        final long tickEvery;
        final AtomicLong reads = new AtomicLong();

        HandClock(long startMillis, long tickEvery) {
            this.millis = new AtomicLong(startMillis);
            this.tickEvery = tickEvery;
        }

        @Override
        public long millis() {
            if (tickEvery > 0 && reads.incrementAndGet() % tickEvery == 0) {
                return millis.incrementAndGet();
            }
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void uniqueAcrossFourThreads() throws Exception {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(3, Clock.systemUTC());
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(executor.submit(() -> {
                    long[] ids = new long[50_000];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = generator.nextId();
                    }
                    return ids;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<long[]> future : futures) {
                long[] ids = future.get();
                for (int i = 0; i < ids.length; i++) {
                    assertThat(all.add(ids[i])).as("duplicate id %s", ids[i]).isTrue();
                    if (i > 0) {
                        assertThat(Long.compareUnsigned(ids[i], ids[i - 1])).as("increasing within a thread")
                                .isPositive();
                    }
                }
            }
            assertThat(all).hasSize(200_000);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void uniqueAcrossNodesOnTheSameClock() {
        HandClock clock = new HandClock(Instant.parse("2025-06-01T00:00:00Z").toEpochMilli(), 1_000);
        SnowflakeIdGenerator first = new SnowflakeIdGenerator(1, clock);
        SnowflakeIdGenerator second = new SnowflakeIdGenerator(2, clock);
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(all.add(first.nextId())).isTrue();
            assertThat(all.add(second.nextId())).isTrue();
        }
    }

    @Test
    void strictlyIncreasingPositiveAndNonZero() {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(SnowflakeIdGenerator.MAX_NODE, Clock.systemUTC());
        long previous = 0;
        for (int i = 0; i < 100_000; i++) {
            long id = generator.nextId();
            assertThat(id).isNotZero().isPositive();
            assertThat(Long.compareUnsigned(id, previous)).isPositive();
            assertThat(new CollectionId(id).toString()).isEqualTo(Long.toString(id));
            previous = id;
        }
    }

    @Test
    void aFullSequenceWaitsForTheNextMillisecond() {
        HandClock clock = new HandClock(Instant.parse("2025-06-01T00:00:00Z").toEpochMilli(), 10_000);
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(0, clock);
        long previous = 0;
        for (int i = 0; i < 50_000; i++) {
            long id = generator.nextId();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void aClockThatStepsBackIsWaitedOut() {
        HandClock clock = new HandClock(Instant.parse("2025-06-01T00:00:00Z").toEpochMilli(), 0);
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(5, clock);
        long before = generator.nextId();
        clock.millis.addAndGet(-5_000);
        long after = generator.nextId();
        assertThat(after).isGreaterThan(before);
        clock.millis.addAndGet(10_000);
        assertThat(generator.nextId()).isGreaterThan(after);
    }

    @Test
    void nodeMustBeInRange() {
        assertThat(SnowflakeIdGenerator.MAX_NODE).isEqualTo(1023);
        new SnowflakeIdGenerator(0, Clock.systemUTC());
        new SnowflakeIdGenerator(1023, Clock.systemUTC());
        assertThatThrownBy(() -> new SnowflakeIdGenerator(-1, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1023")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new SnowflakeIdGenerator(1024, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
    }

    @Test
    void idsAreUsableAsEntityIds() {
        IdGenerator generator = new SnowflakeIdGenerator(1, Clock.systemUTC());
        assertThat(generator.nextCollectionId().value()).isPositive();
        assertThat(generator.nextProductId()).isNotEqualTo(generator.nextProductId());
    }
}
