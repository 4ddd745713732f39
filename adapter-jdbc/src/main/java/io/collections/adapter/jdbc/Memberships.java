package io.collections.adapter.jdbc;

import io.collections.domain.collection.MemberState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The membership writes every path shares. Each writer first locks the count rows of the collections it changes
 * (in id order, so writers never deadlock), then reads the flags and writes them with the count in the same
 * transaction.
 */
final class Memberships {
    static final String IS_MEMBER = "(m.matched OR m.added) AND NOT m.removed";
    /** Transaction state: the ids of the products this transaction inserted, which no other can see yet. */
    static final Object CREATED_PRODUCTS = new Object();
    /** At most this many created products are remembered per transaction (a million-product import would not fit). */
    static final int MAX_TRACKED_CREATED = 50_000;

    private Memberships() {
    }

    /** A stored membership row. */
    record Row(long collectionId, long productId, MemberState state, long position) {
    }

    /** Locks the count rows of the client's collections among these ids; answers each one's next position. */
    static Map<Long, Long> lock(Handle handle, String clientId, Collection<Long> collectionIds) {
        Map<Long, Long> nextPositions = new TreeMap<>();
        for (List<Long> chunk : Chunks.padded(new TreeSet<>(collectionIds))) {
            handle.createQuery("SELECT collection_id, next_position FROM collection_counts"
                    + " WHERE collection_id IN (SELECT id FROM collections WHERE client_id = :clientId"
                    + " AND id IN (<ids>)) ORDER BY collection_id FOR UPDATE")
                    .bind("clientId", clientId)
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(entry -> nextPositions.put(entry.getKey(), entry.getValue()));
        }
        return nextPositions;
    }

    /**
     * The stored rows of these collections and products. Read through the product index and filtered here: a
     * collection may have a million members, a product is in few collections. Even for one collection the filter
     * stays out of the SQL, since with {@code collection_id = ?} H2 may walk the collection's primary key range
     * instead (it uses an IN list only on an index's first column), which grows with every page of an import.
     */
    static List<Row> rows(Handle handle, Collection<Long> collectionIds, Collection<Long> productIds) {
        if (collectionIds.isEmpty()) {
            return new ArrayList<>();
        }
        Set<Long> wanted = new HashSet<>(collectionIds);
        List<Row> rows = rowsOfProducts(handle, productIds);
        rows.removeIf(row -> !wanted.contains(row.collectionId()));
        return rows;
    }

    /** Every stored row of these products, whichever collection it is in. */
    static List<Row> rowsOfProducts(Handle handle, Collection<Long> productIds) {
        List<Row> rows = new ArrayList<>();
        for (List<Long> productChunk : Chunks.padded(productIds)) {
            handle.createQuery("SELECT collection_id, product_id, matched, added, removed, position"
                            + " FROM memberships WHERE product_id IN (<products>)")
                    .bindList("products", productChunk)
                    .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2),
                            new MemberState(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)), rs.getLong(6)))
                    .forEach(rows::add);
        }
        return rows;
    }

    /**
     * Writes new states of locked collections' members: a product that becomes a member takes the collection's
     * next position, a state with no flag left is deleted, and each count moves by the members gained or lost.
     */
    static final class Writer {
        private final Handle handle;
        private final Map<Long, Long> nextPositions;
        private final Map<Long, Long> countDeltas = new HashMap<>();
        private final PreparedBatch inserts;
        private final PreparedBatch updates;
        private final PreparedBatch deletes;

        Writer(Handle handle, Map<Long, Long> nextPositions) {
            this.handle = handle;
            this.nextPositions = nextPositions;
            this.inserts = handle.prepareBatch("INSERT INTO memberships (collection_id, product_id, matched, added,"
                    + " removed, position) VALUES (:collectionId, :productId, :matched, :added, :removed, :position)");
            this.updates = handle.prepareBatch("UPDATE memberships SET matched = :matched, added = :added,"
                    + " removed = :removed, position = :position"
                    + " WHERE collection_id = :collectionId AND product_id = :productId");
            this.deletes = handle.prepareBatch("DELETE FROM memberships"
                    + " WHERE collection_id = :collectionId AND product_id = :productId");
        }

        /** Records the change from {@code current} (null when there is no row) to {@code after}. */
        void write(long collectionId, long productId, Row current, MemberState after) {
            MemberState before = current == null ? MemberState.NONE : current.state();
            if (after.equals(before)) {
                return;
            }
            if (before.isMember() != after.isMember()) {
                countDeltas.merge(collectionId, after.isMember() ? 1L : -1L, Long::sum);
            }
            if (!after.isRecorded()) {
                deletes.bind("collectionId", collectionId).bind("productId", productId).add();
                return;
            }
            boolean joins = after.isMember() && !before.isMember();
            long position = joins || current == null ? takePosition(collectionId) : current.position();
            PreparedBatch batch = current == null ? inserts : updates;
            batch.bind("collectionId", collectionId).bind("productId", productId)
                    .bind("matched", after.matchedByRules()).bind("added", after.addedByHand())
                    .bind("removed", after.removedByHand()).bind("position", position).add();
        }

        /** Deletes the row, and counts its product out if it was a member; a row without flags too (decision 0101). */
        void forget(Row row) {
            if (row.state().isRecorded()) {
                write(row.collectionId(), row.productId(), row, MemberState.NONE);
            } else {
                deletes.bind("collectionId", row.collectionId()).bind("productId", row.productId()).add();
            }
        }

        private long takePosition(long collectionId) {
            long position = nextPositions.get(collectionId);
            nextPositions.put(collectionId, position + 1);
            return position;
        }

        /** Runs the batched writes and stores each changed collection's count and next position. */
        void flush() {
            for (PreparedBatch batch : List.of(deletes, updates, inserts)) {
                if (batch.size() > 0) {
                    batch.execute();
                }
            }
            PreparedBatch collections = handle.prepareBatch("UPDATE collection_counts"
                    + " SET product_count = product_count + :delta, next_position = :nextPosition"
                    + " WHERE collection_id = :id");
            nextPositions.forEach((id, nextPosition) -> collections.bind("id", id)
                    .bind("delta", countDeltas.getOrDefault(id, 0L)).bind("nextPosition", nextPosition).add());
            if (collections.size() > 0) {
                collections.execute();
            }
        }
    }

    /**
     * Adds products this transaction created, and so has no membership row and no other writer can reach, to the
     * collections their rules match: the count update takes each count row's lock (in id order, like
     * {@link #lock}), and the positions are read back under it. A collection that is gone is skipped. The ids come
     * from the client's own rule index, so the collection rows, and their wide pages, are not read at all.
     */
    static void joinCreated(Handle handle, Map<Long, List<Long>> joinersByCollection) {
        if (joinersByCollection.isEmpty()) {
            return;
        }
        TreeMap<Long, List<Long>> joiners = new TreeMap<>(joinersByCollection);
        PreparedBatch counts = handle.prepareBatch("UPDATE collection_counts"
                + " SET product_count = product_count + :joined, next_position = next_position + :joined"
                + " WHERE collection_id = :id");
        joiners.forEach((id, products) -> counts.bind("id", id).bind("joined", products.size()).add());
        int[] updated = counts.execute();
        List<Long> present = new ArrayList<>();
        int index = 0;
        for (Long id : joiners.keySet()) {
            if (updated[index++] > 0) {
                present.add(id);
            }
        }
        if (present.isEmpty()) {
            return;
        }
        PreparedBatch inserts = handle.prepareBatch("INSERT INTO memberships (collection_id, product_id, matched,"
                + " added, removed, position) VALUES (:collectionId, :productId, TRUE, FALSE, FALSE, :position)");
        for (List<Long> chunk : Chunks.padded(present)) {
            handle.createQuery("SELECT collection_id, next_position FROM collection_counts"
                    + " WHERE collection_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(entry -> {
                        List<Long> products = joiners.get(entry.getKey());
                        long position = entry.getValue() - products.size();
                        for (Long productId : products) {
                            inserts.bind("collectionId", entry.getKey()).bind("productId", productId)
                                    .bind("position", position++).add();
                        }
                    });
        }
        inserts.execute();
    }

    /** Drops every membership of these products of the client, and counts them out of their collections. */
    static void forget(Handle handle, String clientId, Collection<Long> productIds) {
        List<Long> collectionIds = new ArrayList<>();
        for (List<Long> chunk : Chunks.padded(productIds)) {
            collectionIds.addAll(handle.createQuery("SELECT DISTINCT collection_id FROM memberships"
                    + " WHERE product_id IN (<products>)")
                    .bindList("products", chunk).mapTo(Long.class).list());
        }
        if (collectionIds.isEmpty()) {
            return;
        }
        Map<Long, Long> locked = lock(handle, clientId, collectionIds);
        if (locked.isEmpty()) {
            return;
        }
        Writer writer = new Writer(handle, locked);
        for (Row row : rows(handle, locked.keySet(), productIds)) {
            writer.forget(row);
        }
        writer.flush();
    }
}
