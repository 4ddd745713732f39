package io.collections.adapter.http.auth;

import io.collections.application.Caller;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims already passed, by SHA-256 of the token (so no token is held in memory), with
 * the caller and the times to re-check: a client that sends the same token on every request pays for the
 * signature once (decision 0052). Bounded: when full it is emptied, so a flood of distinct tokens costs memory
 * for at most {@code capacity} entries and then only the verification they would have cost anyway.
 */
final class VerifiedTokens {
    /** What a verified token said, with its validity window. */
    record Verified(Caller caller, Instant expires, Instant notBefore) {
    }

    private final int capacity;
    private final ConcurrentHashMap<ByteBuffer, Verified> entries;

    VerifiedTokens(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.entries = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    /** The key for a token, or null when the cache is off. */
    ByteBuffer keyOf(String token) {
        if (capacity == 0) {
            return null;
        }
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Verified find(ByteBuffer key) {
        return key == null ? null : entries.get(key);
    }

    void remember(ByteBuffer key, Verified verified) {
        if (key == null) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, verified);
    }

    void forget(ByteBuffer key) {
        if (key != null) {
            entries.remove(key);
        }
    }

    int size() {
        return entries.size();
    }
}
