package io.collections.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Re-evaluates one collection's rules over the client's catalog as a merge of two sorted id lists: the products
 * the rules' SQL condition selects now, and the collection's stored rows. Correlated {@code EXISTS} updates
 * evaluated the condition once per stored row and row by row in H2 (44 s for 500,000 members); the merge reads
 * each list once and writes only the rows that change, in JDBC batches.
 *
 * <p>On H2, a product that only the rules held leaves as a row with no flag (decision 0101): an update of one
 * column, where a delete is four B-tree writes; if the rules take it back, the row is updated again. Rows without a
 * flag are never members. When they outnumber the members by more than {@link #KEPT_LEFT_ROWS}, the refresh
 * deletes them, so listing a collection never walks many of them. On PostgreSQL, where a delete only marks the row
 * and an update writes a new version of it, the row is deleted.
 */
final class RuleRefresh {
    private static final int BATCH = 1_000;
    private static final int FETCH = 10_000;
    static final int KEPT_LEFT_ROWS = 10_000;
    private static final byte MATCHED = 1;
    private static final byte ADDED = 2;
    private static final byte REMOVED = 4;

    private RuleRefresh() {
    }

    /**
     * Applies the rules to the collection, whose row the caller has locked.
     *
     * @return the collection's member count afterwards and its next position
     */
    static long[] apply(Handle handle, String clientId, long collectionId, RuleSql rules, long nextPosition) {
        LongList matching = new LongList();
        // Sorted here, not by ORDER BY: H2 would first copy every selected row into a result of its own to sort it.
        handle.createQuery("SELECT p.id FROM products p WHERE p.client_id = :clientId AND " + rules.condition())
                .bind("clientId", clientId).bindMap(rules.bindings()).setFetchSize(FETCH)
                .map((rs, ctx) -> {
                    matching.add(rs.getLong(1));
                    return null;
                }).forEach(ignored -> { });
        Arrays.sort(matching.values, 0, matching.size);
        boolean keepLeftRows = !PgCopy.supports(handle.getConnection());
        StoredRows stored = new StoredRows();
        // Read in the primary key's (manual) order and sorted by product id here, as the matches are. On H2 each
        // row's key in the table's own map comes along, so that an update finds the row without the product index.
        handle.createQuery("SELECT product_id, matched, added, removed, " + (keepLeftRows ? "_ROWID_" : "0")
                        + " FROM memberships WHERE collection_id = :id")
                .bind("id", collectionId).setFetchSize(FETCH)
                .map((rs, ctx) -> {
                    stored.add(rs.getLong(1), (byte) ((rs.getBoolean(2) ? MATCHED : 0) | (rs.getBoolean(3) ? ADDED : 0)
                            | (rs.getBoolean(4) ? REMOVED : 0)), rs.getLong(5));
                    return null;
                }).forEach(ignored -> { });
        stored.sort();
        try (Writes writes = new Writes(handle, collectionId, keepLeftRows)) {
            long members = 0;
            long leftRows = 0;
            long position = nextPosition;
            int m = 0;
            int s = 0;
            while (m < matching.size || s < stored.size) {
                long matchId = m < matching.size ? matching.values[m] : Long.MAX_VALUE;
                long storedId = s < stored.size ? stored.ids[s] : Long.MAX_VALUE;
                if (matchId < storedId) {
                    writes.insert(matchId, position++);
                    members++;
                    m++;
                    continue;
                }
                byte flags = stored.flags[s];
                boolean matchesNow = matchId == storedId;
                byte after = (byte) (matchesNow ? flags | MATCHED : flags & ~MATCHED);
                if (flags == 0 && after != 0) {
                    writes.rejoin(storedId, stored.rowIds[s], position++);
                } else if (after == 0 && !keepLeftRows) {
                    writes.delete(storedId);
                } else if (after != flags) {
                    writes.setMatched(storedId, stored.rowIds[s], matchesNow);
                }
                if (after == 0 && keepLeftRows) {
                    leftRows++;
                }
                if ((after & (MATCHED | ADDED)) != 0 && (after & REMOVED) == 0) {
                    members++;
                }
                s++;
                if (matchesNow) {
                    m++;
                }
            }
            writes.flush();
            if (leftRows > members + KEPT_LEFT_ROWS) {
                handle.createUpdate("DELETE FROM memberships WHERE collection_id = :id AND NOT matched"
                        + " AND NOT added AND NOT removed").bind("id", collectionId).execute();
            }
            return new long[] {members, position};
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** A growable array of longs, so that a million ids cost eight megabytes rather than a million boxes. */
    private static final class LongList {
        long[] values = new long[1024];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    private static final class StoredRows {
        /** Bits of a packed sort key that hold the row's index; the id takes the rest. */
        private static final int POSITION_BITS = 23;
        private static final long ID_LIMIT = 1L << (63 - POSITION_BITS);

        long[] ids = new long[1024];
        byte[] flags = new byte[1024];
        long[] rowIds = new long[1024];
        int size;

        void add(long id, byte flag, long rowId) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                flags = Arrays.copyOf(flags, size * 2);
                rowIds = Arrays.copyOf(rowIds, size * 2);
            }
            ids[size] = id;
            flags[size] = flag;
            rowIds[size++] = rowId;
        }

        /**
         * Orders the rows by product id (they are read in the manual order of the primary key). Each id is shifted to
         * carry its row's index in the low bits while it sorts; ids from 2^40 on sort boxed.
         */
        void sort() {
            int[] order = new int[size];
            if (size < 1 << POSITION_BITS && fitsPacked()) {
                long[] packed = new long[size];
                for (int i = 0; i < size; i++) {
                    packed[i] = ids[i] << POSITION_BITS | i;
                }
                Arrays.sort(packed);
                for (int i = 0; i < size; i++) {
                    order[i] = (int) (packed[i] & ((1L << POSITION_BITS) - 1));
                }
            } else {
                Integer[] boxed = new Integer[size];
                for (int k = 0; k < size; k++) {
                    boxed[k] = k;
                }
                Arrays.sort(boxed, (a, b) -> Long.compare(ids[a], ids[b]));
                for (int k = 0; k < size; k++) {
                    order[k] = boxed[k];
                }
            }
            long[] sortedIds = new long[ids.length];
            byte[] sortedFlags = new byte[flags.length];
            long[] sortedRowIds = new long[rowIds.length];
            for (int k = 0; k < size; k++) {
                sortedIds[k] = ids[order[k]];
                sortedFlags[k] = flags[order[k]];
                sortedRowIds[k] = rowIds[order[k]];
            }
            ids = sortedIds;
            flags = sortedFlags;
            rowIds = sortedRowIds;
        }

        private boolean fitsPacked() {
            for (int i = 0; i < size; i++) {
                if (ids[i] < 0 || ids[i] >= ID_LIMIT) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Plain JDBC batches: binding through JDBI cost more than the write itself at this volume. */
    private static final class Writes implements AutoCloseable {
        private final long collectionId;
        private final boolean byRowId;
        private final Batch inserts;
        private final Batch rejoins;
        private final Batch deletes;
        private final Batch updates;

        /** With {@code byRowId} (H2), updates address the row by its key in the table's map, {@code _ROWID_}. */
        Writes(Handle handle, long collectionId, boolean byRowId) throws SQLException {
            this.collectionId = collectionId;
            this.byRowId = byRowId;
            var connection = handle.getConnection();
            String row = byRowId ? " WHERE _ROWID_ = ?" : " WHERE collection_id = ? AND product_id = ?";
            this.inserts = new Batch(connection.prepareStatement("INSERT INTO memberships (collection_id, product_id,"
                    + " matched, added, removed, position) VALUES (?, ?, TRUE, FALSE, FALSE, ?)"));
            this.rejoins = new Batch(connection.prepareStatement("UPDATE memberships SET matched = TRUE,"
                    + " position = ?" + row));
            this.deletes = new Batch(connection.prepareStatement("DELETE FROM memberships WHERE collection_id = ?"
                    + " AND product_id = ?"));
            this.updates = new Batch(connection.prepareStatement("UPDATE memberships SET matched = ?" + row));
        }

        void insert(long productId, long position) throws SQLException {
            inserts.statement.setLong(1, collectionId);
            inserts.statement.setLong(2, productId);
            inserts.statement.setLong(3, position);
            inserts.add();
        }

        void delete(long productId) throws SQLException {
            deletes.statement.setLong(1, collectionId);
            deletes.statement.setLong(2, productId);
            deletes.add();
        }

        /** A row without flags that the rules take back: it joins again, at the end of the manual order. */
        void rejoin(long productId, long rowId, long position) throws SQLException {
            rejoins.statement.setLong(1, position);
            bindRow(rejoins.statement, 2, productId, rowId);
            rejoins.add();
        }

        void setMatched(long productId, long rowId, boolean matched) throws SQLException {
            updates.statement.setBoolean(1, matched);
            bindRow(updates.statement, 2, productId, rowId);
            updates.add();
        }

        private void bindRow(PreparedStatement statement, int first, long productId, long rowId)
                throws SQLException {
            if (byRowId) {
                statement.setLong(first, rowId);
            } else {
                statement.setLong(first, collectionId);
                statement.setLong(first + 1, productId);
            }
        }

        void flush() throws SQLException {
            deletes.flush();
            updates.flush();
            rejoins.flush();
            inserts.flush();
        }

        @Override
        public void close() throws SQLException {
            try (PreparedStatement first = inserts.statement; PreparedStatement second = rejoins.statement;
                    PreparedStatement third = updates.statement; PreparedStatement fourth = deletes.statement) {
                // closes all four, even when one fails
            }
        }
    }

    /** A statement whose bound rows are sent every {@link #BATCH} rows. */
    private static final class Batch {
        final PreparedStatement statement;
        private int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }
}
