package io.collections.adapter.jdbc;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Orders a client's rule changes and product writes (decision 0100). A product write takes a share before it
 * matches products against the rules, a rule change takes the whole lock before it changes rules, and both keep
 * them to the end of the transaction: a product is then never matched against rules that are being replaced while
 * the replacement reads a catalog without that product. Both take this lock before any count row, so the two
 * orders cannot deadlock. PostgreSQL shares one row ({@code FOR SHARE}); H2 has no shared row lock, so a share
 * there is any one of {@link #SLOTS} rows and the whole lock is all of them.
 */
final class RuleChangeLocks {
    /** H2 has no shared row locks: a share is one of these rows, the whole lock is all of them. */
    static final int SLOTS = 8;
    /** A rule change over a large catalog holds the lock for seconds; H2's own timeout is two. */
    private static final int H2_WAIT_MILLIS = 60_000;
    private static final Object HELD = new Object();

    private final JdbiTransactions transactions;

    RuleChangeLocks(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    /** Takes a share of the client's lock for this transaction, unless it holds one already. */
    void share(Handle handle, String clientId) {
        Map<String, Boolean> held = transactions.transactionState(HELD, HashMap::new);
        if (held.containsKey(clientId)) {
            return;
        }
        boolean postgres = PgCopy.supports(handle.getConnection());
        int slot = postgres ? 0 : ThreadLocalRandom.current().nextInt(SLOTS);
        if (!postgres && freeSlotTaken(handle, clientId, slot)) {
            held.put(clientId, false);
            return;
        }
        String lock = "SELECT slot FROM rule_change_locks WHERE client_id = :clientId AND slot = :slot"
                + (postgres ? " FOR SHARE" : " FOR UPDATE");
        waiting(handle, postgres, () -> {
            if (handle.createQuery(lock).bind("clientId", clientId).bind("slot", slot).mapTo(Integer.class)
                    .findOne().isEmpty()) {
                makeSlots(clientId);
                handle.createQuery(lock).bind("clientId", clientId).bind("slot", slot).mapTo(Integer.class).one();
            }
        });
        held.put(clientId, false);
    }

    /**
     * On H2, locks the first slot from {@code start} on that nobody holds, without waiting: product writes then
     * wait for each other only when eight are open at once, and for a rule change, which holds every slot.
     */
    private static boolean freeSlotTaken(Handle handle, String clientId, int start) {
        for (int i = 0; i < SLOTS; i++) {
            if (handle.createQuery("SELECT slot FROM rule_change_locks WHERE client_id = :clientId AND slot = :slot"
                    + " FOR UPDATE SKIP LOCKED").bind("clientId", clientId).bind("slot", (start + i) % SLOTS)
                    .mapTo(Integer.class).findOne().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Takes the whole of the client's lock for this transaction, unless it holds it already. */
    void exclusive(Handle handle, String clientId) {
        Map<String, Boolean> held = transactions.transactionState(HELD, HashMap::new);
        if (Boolean.TRUE.equals(held.get(clientId))) {
            return;
        }
        boolean postgres = PgCopy.supports(handle.getConnection());
        waiting(handle, postgres, () -> {
            String lock = "SELECT slot FROM rule_change_locks WHERE client_id = :clientId ORDER BY slot FOR UPDATE";
            if (handle.createQuery(lock).bind("clientId", clientId).mapTo(Integer.class).list().size() < SLOTS) {
                makeSlots(clientId);
                handle.createQuery(lock).bind("clientId", clientId).mapTo(Integer.class).list();
            }
        });
        held.put(clientId, true);
    }

    /**
     * Runs the locking statements; on H2, when they time out (H2's own timeout, two seconds unless the URL says
     * otherwise), tries again with a longer one. H2 undoes only the failed statement, so the transaction goes on.
     */
    /**
     * Makes the client's slot rows on first use, committed apart from the caller's transaction. Made inside it,
     * they stayed uncommitted as long as it ran: behind a client's first import, every other write of the client
     * waited on the insert until the lock timeout, and then failed. Once committed, the rows are locked like any
     * others, so even the first rule change and product write of a client are ordered.
     */
    private void makeSlots(String clientId) {
        StringBuilder values = new StringBuilder();
        for (int slot = 0; slot < SLOTS; slot++) {
            values.append(slot == 0 ? "" : ", ").append("(:clientId, ").append(slot).append(')');
        }
        transactions.committedApart(apart -> apart.createUpdate("INSERT INTO rule_change_locks (client_id, slot)"
                + " VALUES " + values + " ON CONFLICT DO NOTHING").bind("clientId", clientId).execute());
    }

    static void waiting(Handle handle, boolean postgres, Runnable locking) {
        if (postgres) {
            locking.run();
            return;
        }
        try {
            locking.run();
        } catch (UnableToExecuteStatementException timedOut) {
            if (!isLockTimeout(timedOut)) {
                throw timedOut;
            }
            int previous = handle.createQuery("CALL LOCK_TIMEOUT()").mapTo(Integer.class).one();
            handle.execute("SET LOCK_TIMEOUT " + H2_WAIT_MILLIS);
            try {
                locking.run();
            } finally {
                handle.execute("SET LOCK_TIMEOUT " + previous);
            }
        }
    }

    private static boolean isLockTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "HYT00".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
