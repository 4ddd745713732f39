package io.collections.application.idempotency;

import java.time.Instant;

/**
 * What is remembered of one idempotency key: a fingerprint of the request that first used it, and its answer
 * once there is one (null while that request is still running).
 */
public record IdempotencyRecord(String requestFingerprint, StoredResponse response, Instant expiresAt) {
    public boolean isCompleted() {
        return response != null;
    }
}
