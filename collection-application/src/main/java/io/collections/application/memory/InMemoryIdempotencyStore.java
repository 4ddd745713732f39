package io.collections.application.memory;

import io.collections.application.idempotency.IdempotencyRecord;
import io.collections.application.idempotency.IdempotencyStore;
import io.collections.application.idempotency.StoredResponse;
import io.collections.domain.ClientId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotency keys in a map, for tests and a single embedded instance. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotencyRecord> find(ClientId clientId, String key, Instant now) {
        return Optional.ofNullable(records.get(id(clientId, key))).filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public synchronized boolean reserve(ClientId clientId, String key, String requestFingerprint, Instant expiresAt,
            Instant now) {
        if (find(clientId, key, now).isPresent()) {
            return false;
        }
        records.put(id(clientId, key), new IdempotencyRecord(requestFingerprint, null, expiresAt));
        return true;
    }

    @Override
    public synchronized void complete(ClientId clientId, String key, StoredResponse response) {
        records.computeIfPresent(id(clientId, key),
                (k, r) -> new IdempotencyRecord(r.requestFingerprint(), response, r.expiresAt()));
    }

    @Override
    public void release(ClientId clientId, String key) {
        records.remove(id(clientId, key));
    }

    @Override
    public int forgetExpired(Instant now) {
        int before = records.size();
        records.values().removeIf(record -> !record.expiresAt().isAfter(now));
        return before - records.size();
    }

    private static String id(ClientId clientId, String key) {
        return clientId.value() + '\u0000' + key;
    }
}
