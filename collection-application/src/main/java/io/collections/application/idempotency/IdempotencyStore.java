package io.collections.application.idempotency;

import io.collections.domain.ClientId;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers idempotency keys per client for 24 hours, shared by every instance. A key is first reserved (so a
 * concurrent repeat can be told apart), then completed with the answer, or released when the request failed.
 */
public interface IdempotencyStore {

    /** The record of an unexpired key. */
    Optional<IdempotencyRecord> find(ClientId clientId, String key, Instant now);

    /**
     * Reserves a key for a request; an expired record of the same key is replaced.
     *
     * @return false when an unexpired record of the key exists already
     */
    boolean reserve(ClientId clientId, String key, String requestFingerprint, Instant expiresAt, Instant now);

    void complete(ClientId clientId, String key, StoredResponse response);

    /** Forgets a reserved key whose request failed, so that it can be tried again. */
    void release(ClientId clientId, String key);

    /**
     * Deletes the records of every client that expired by {@code now}; without it each new key would stay
     * forever, answer included.
     *
     * @return how many were deleted
     */
    int forgetExpired(Instant now);
}
