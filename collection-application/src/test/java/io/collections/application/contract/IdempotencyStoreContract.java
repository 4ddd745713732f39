package io.collections.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.application.idempotency.IdempotencyRecord;
import io.collections.application.idempotency.StoredResponse;
import io.collections.domain.ClientId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every IdempotencyStore must do; run against each adapter. */
public abstract class IdempotencyStoreContract extends ContractSupport {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(24));

    @Test
    void reservesOnceCompletesAndReplays() {
        ClientId client = newClient();
        var store = adapters.idempotency();
        assertThat(store.find(client, "key-1", NOW)).isEmpty();
        assertThat(store.reserve(client, "key-1", "fingerprint", EXPIRES, NOW)).isTrue();
        assertThat(store.reserve(client, "key-1", "other", EXPIRES, NOW)).isFalse();
        IdempotencyRecord reserved = store.find(client, "key-1", NOW).orElseThrow();
        assertThat(reserved.requestFingerprint()).isEqualTo("fingerprint");
        assertThat(reserved.isCompleted()).isFalse();
        assertThat(reserved.expiresAt()).isEqualTo(EXPIRES);

        StoredResponse response = new StoredResponse(201, "{\"id\":\"1\"}",
                Map.of("Location", "/v1/collections/1", "Content-Type", "application/json"));
        store.complete(client, "key-1", response);
        IdempotencyRecord completed = store.find(client, "key-1", NOW.plusSeconds(60)).orElseThrow();
        assertThat(completed.response()).isEqualTo(response);
        assertThat(store.reserve(client, "key-1", "fingerprint", EXPIRES, NOW)).isFalse();
    }

    @Test
    void releasedKeysCanBeReservedAgain() {
        ClientId client = newClient();
        var store = adapters.idempotency();
        assertThat(store.reserve(client, "key", "f1", EXPIRES, NOW)).isTrue();
        store.release(client, "key");
        assertThat(store.find(client, "key", NOW)).isEmpty();
        assertThat(store.reserve(client, "key", "f2", EXPIRES, NOW)).isTrue();
        assertThat(store.find(client, "key", NOW).orElseThrow().requestFingerprint()).isEqualTo("f2");
    }

    @Test
    void expiredKeysAreGoneAndReplaced() {
        ClientId client = newClient();
        var store = adapters.idempotency();
        Instant soon = NOW.plusSeconds(10);
        assertThat(store.reserve(client, "key", "f1", soon, NOW)).isTrue();
        store.complete(client, "key", new StoredResponse(200, "{}", Map.of()));
        assertThat(store.find(client, "key", soon)).isEmpty();
        assertThat(store.reserve(client, "key", "f2", soon.plusSeconds(100), soon)).isTrue();
        IdempotencyRecord replaced = store.find(client, "key", soon).orElseThrow();
        assertThat(replaced.requestFingerprint()).isEqualTo("f2");
        assertThat(replaced.isCompleted()).isFalse();
    }

    @Test
    void keepsAnAnswerOfSeveralMebibytes() {
        // A batch of 1,000 products answers with all of them; a few MiB of JSON is an ordinary answer.
        ClientId client = newClient();
        var store = adapters.idempotency();
        String body = "{\"products\":[" + "{\"name\":\"\u00e9t\u00e9 \u2603\"},".repeat(300_000) + "{}]}";
        assertThat(store.reserve(client, "big", "f", EXPIRES, NOW)).isTrue();
        store.complete(client, "big", new StoredResponse(200, body, Map.of()));
        assertThat(store.find(client, "big", NOW).orElseThrow().response().body()).isEqualTo(body);
    }

    @Test
    void forgetsExpiredKeysOfEveryClientAndKeepsTheRest() {
        ClientId one = newClient();
        ClientId other = newClient();
        var store = adapters.idempotency();
        Instant soon = NOW.plusSeconds(10);
        store.reserve(one, "old", "f", soon, NOW);
        store.complete(one, "old", new StoredResponse(200, "{}", Map.of()));
        store.reserve(other, "old", "f", soon, NOW);
        store.reserve(one, "young", "f", EXPIRES, NOW);

        assertThat(store.forgetExpired(soon)).isGreaterThanOrEqualTo(2);

        assertThat(store.find(one, "old", NOW)).as("gone, even when asked with an earlier clock").isEmpty();
        assertThat(store.find(other, "old", NOW)).isEmpty();
        assertThat(store.find(one, "young", soon)).isPresent();
    }

    @Test
    void keysBelongToOneClient() {
        ClientId mine = newClient();
        ClientId theirs = newClient();
        var store = adapters.idempotency();
        assertThat(store.reserve(mine, "shared", "mine", EXPIRES, NOW)).isTrue();
        assertThat(store.find(theirs, "shared", NOW)).isEmpty();
        assertThat(store.reserve(theirs, "shared", "theirs", EXPIRES, NOW)).isTrue();
        store.release(theirs, "shared");
        assertThat(store.find(mine, "shared", NOW).orElseThrow().requestFingerprint()).isEqualTo("mine");
    }
}
