package io.collections.adapter.jdbc;

import io.collections.domain.IdGenerator;

/**
 * Ids from the database sequence {@code id_sequence}, which steps by {@value #BLOCK}: each value taken is a block
 * of ids that this instance hands out alone, so ids are unique across every instance on the database while only
 * one call in a thousand reaches it.
 */
public final class SequenceIdGenerator implements IdGenerator {
    static final int BLOCK = 1000;

    private final JdbiTransactions transactions;
    private long next;
    private long end;

    public SequenceIdGenerator(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized long nextId() {
        if (next == end) {
            long start = transactions.withHandle(handle -> handle.createQuery("SELECT nextval('id_sequence')")
                    .mapTo(Long.class).one());
            next = start;
            end = start + BLOCK;
        }
        return next++;
    }
}
