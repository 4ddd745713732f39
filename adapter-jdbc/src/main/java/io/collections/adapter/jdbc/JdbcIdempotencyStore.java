package io.collections.adapter.jdbc;

import io.collections.application.idempotency.IdempotencyRecord;
import io.collections.application.idempotency.IdempotencyStore;
import io.collections.application.idempotency.StoredResponse;
import io.collections.domain.ClientId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Idempotency keys in {@code idempotency_keys}, shared by every instance on the database. A reservation is an
 * insert that does nothing when the key is taken; the first of two concurrent reservations wins.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
    private final JdbiTransactions transactions;

    public JdbcIdempotencyStore(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<IdempotencyRecord> find(ClientId clientId, String key, Instant now) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT request_fingerprint, response_status,"
                        + " response_body, response_headers, expires_at FROM idempotency_keys"
                        + " WHERE client_id = :clientId AND idempotency_key = :key AND expires_at > :now")
                .bind("clientId", clientId.value()).bind("key", key).bind("now", ProductRow.utc(now))
                .map((rs, ctx) -> {
                    int status = rs.getInt("response_status");
                    StoredResponse response = rs.wasNull() ? null : new StoredResponse(status,
                            rs.getString("response_body"), JsonText.readObject(rs.getString("response_headers")));
                    return new IdempotencyRecord(rs.getString("request_fingerprint"), response,
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant());
                })
                .findOne());
    }

    @Override
    public boolean reserve(ClientId clientId, String key, String requestFingerprint, Instant expiresAt,
            Instant now) {
        return transactions.withHandle(handle -> {
            handle.createUpdate("DELETE FROM idempotency_keys WHERE client_id = :clientId AND idempotency_key = :key"
                    + " AND expires_at <= :now")
                    .bind("clientId", clientId.value()).bind("key", key).bind("now", ProductRow.utc(now)).execute();
            // ON CONFLICT DO NOTHING rather than catching the key violation, which would abort a PostgreSQL
            // transaction the caller may still be using.
            return handle.createUpdate("INSERT INTO idempotency_keys (client_id, idempotency_key,"
                    + " request_fingerprint, expires_at) VALUES (:clientId, :key, :fingerprint, :expiresAt)"
                    + " ON CONFLICT DO NOTHING")
                    .bind("clientId", clientId.value()).bind("key", key).bind("fingerprint", requestFingerprint)
                    .bind("expiresAt", ProductRow.utc(expiresAt)).execute() == 1;
        });
    }

    @Override
    public void complete(ClientId clientId, String key, StoredResponse response) {
        transactions.withHandle(handle -> handle.createUpdate("UPDATE idempotency_keys SET response_status = :status,"
                        + " response_body = :body, response_headers = :headers"
                        + " WHERE client_id = :clientId AND idempotency_key = :key")
                .bind("status", response.status()).bind("body", response.body())
                .bind("headers", JsonText.writeObject(new java.util.TreeMap<>(response.headers())))
                .bind("clientId", clientId.value()).bind("key", key).execute());
    }

    @Override
    public int forgetExpired(Instant now) {
        return transactions.withHandle(handle -> handle.createUpdate("DELETE FROM idempotency_keys"
                        + " WHERE expires_at <= :now").bind("now", ProductRow.utc(now)).execute());
    }

    @Override
    public void release(ClientId clientId, String key) {
        transactions.withHandle(handle -> handle.createUpdate("DELETE FROM idempotency_keys"
                        + " WHERE client_id = :clientId AND idempotency_key = :key")
                .bind("clientId", clientId.value()).bind("key", key).execute());
    }
}
