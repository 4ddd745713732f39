package io.collections.adapter.jdbc;

import io.collections.domain.rule.RuleSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The bulk paths of an import, next to the general membership writer: products created in the import's own
 * transaction are in no collection yet, so their rows are inserted without reading anything back.
 */
final class NewMembers {
    private NewMembers() {
    }

    /**
     * Whether the client has a committed collection with rules. Every rule change stamps the collection with a
     * generation above zero (decision 0090), so the seek walks only collections that have or had rules.
     */
    static boolean ruleCollectionsExist(Handle handle, String clientId) {
        return handle.createQuery("SELECT 1 FROM collections WHERE client_id = :clientId AND rules_generation > 0"
                        + " AND rules <> :noRules LIMIT 1")
                .bind("clientId", clientId).bind("noRules", CollectionRow.rulesJson(RuleSet.NONE))
                .mapTo(Integer.class).findOne().isPresent();
    }

    /** Adds the products by hand at the collection's next positions, in order, and counts them in. */
    static void add(Handle handle, String clientId, long collectionId, List<Long> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        Map<Long, Long> locked = Memberships.lock(handle, clientId, List.of(collectionId));
        if (locked.isEmpty()) {
            return;
        }
        long position = locked.get(collectionId);
        if (PgCopy.supports(handle.getConnection())) {
            PgCopy copy = new PgCopy("memberships", "collection_id, product_id, matched, added, removed, position");
            for (Long productId : productIds) {
                copy.row(collectionId, productId, false, true, false, position++);
            }
            try {
                copy.send(handle.getConnection());
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        } else {
            insert(handle, collectionId, productIds, position);
            position += productIds.size();
        }
        handle.createUpdate("UPDATE collection_counts SET product_count = product_count + :added,"
                + " next_position = :nextPosition WHERE collection_id = :id")
                .bind("added", productIds.size()).bind("nextPosition", position).bind("id", collectionId).execute();
    }

    private static void insert(Handle handle, long collectionId, List<Long> productIds, long firstPosition) {
        long position = firstPosition;
        try (PreparedStatement insert = handle.getConnection().prepareStatement("INSERT INTO memberships"
                + " (collection_id, product_id, matched, added, removed, position)"
                + " VALUES (?, ?, FALSE, TRUE, FALSE, ?)")) {
            for (Long productId : productIds) {
                insert.setLong(1, collectionId);
                insert.setLong(2, productId);
                insert.setLong(3, position++);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
