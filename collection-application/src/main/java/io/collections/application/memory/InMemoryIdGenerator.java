package io.collections.application.memory;

import io.collections.domain.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Ids counting up from a start, unique within one process: enough for tests and a single embedded instance. */
public final class InMemoryIdGenerator implements IdGenerator {
    private final AtomicLong next;

    public InMemoryIdGenerator() {
        this(1);
    }

    public InMemoryIdGenerator(long first) {
        this.next = new AtomicLong(first);
    }

    @Override
    public long nextId() {
        return next.getAndIncrement();
    }
}
