package io.collections.adapter.jdbc.imports;

import io.collections.application.imports.ImportJob;
import io.collections.application.imports.ImportStatus;
import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.UserId;
import io.collections.domain.catalog.Provider;
import io.collections.domain.collection.CollectionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads one {@code import_jobs} row, as selected by {@link #COLUMNS}, into an {@link ImportJob}. */
final class ImportJobRowMapper implements RowMapper<ImportJob> {
    static final String COLUMNS = "id, client_id, requested_by, provider, requested_name, requested_status,"
            + " background, status, processed, skipped, collection_id, error, sealed_credentials, lease_owner,"
            + " lease_until, created_at, updated_at";

    @Override
    public ImportJob map(ResultSet row, StatementContext context) throws SQLException {
        long collectionId = row.getLong("collection_id");
        CollectionId collection = row.wasNull() ? null : new CollectionId(collectionId);
        String requestedStatus = row.getString("requested_status");
        return new ImportJob(
                row.getLong("id"),
                new ClientId(row.getString("client_id")),
                new UserId(row.getString("requested_by")),
                Provider.valueOf(row.getString("provider")),
                row.getString("requested_name"),
                requestedStatus == null ? null : CollectionStatus.valueOf(requestedStatus),
                row.getBoolean("background"),
                ImportStatus.valueOf(row.getString("status")),
                row.getLong("processed"),
                row.getLong("skipped"),
                collection,
                row.getString("error"),
                row.getString("sealed_credentials"),
                row.getString("lease_owner"),
                instant(row, "lease_until"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
