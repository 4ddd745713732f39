package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.adapter.http.routes.Idempotency;
import io.collections.domain.ClientId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key}: replay, 422 on another body, 409 while running, per client, released on failure. */
class IdempotencyTest {
    @Test
    void aRepeatReplaysTheFirstAnswerAndDoesNothing() {
        Harness.run(client -> {
            Harness.Res first = client.send("POST", "/v1/collections", "{\"name\":\"Once\"}",
                    "Content-Type", "application/json", "Idempotency-Key", "key-1");
            Harness.Res again = client.send("POST", "/v1/collections", "{\"name\":\"Once\"}",
                    "Content-Type", "application/json", "Idempotency-Key", "key-1");
            assertThat(first.status()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(client.get("/v1/collections").json()).hasSize(1);

            Harness.Res different = client.send("POST", "/v1/collections", "{\"name\":\"Twice\"}",
                    "Content-Type", "application/json", "Idempotency-Key", "key-1");
            assertThat(different.status()).isEqualTo(422);
            assertThat(different.json().get("code").asInt()).isEqualTo(422);
            assertThat(client.get("/v1/collections").json()).hasSize(1);

            Harness.Res otherPath = client.send("POST", "/v1/products", "{\"name\":\"Once\"}",
                    "Content-Type", "application/json", "Idempotency-Key", "key-1");
            assertThat(otherPath.status()).isEqualTo(422);

            Harness.Client other = client.as(TestTokens.bearer("globex", "bob", "Owner"));
            Harness.Res theirs = other.send("POST", "/v1/collections", "{\"name\":\"Once\"}",
                    "Content-Type", "application/json", "Idempotency-Key", "key-1");
            assertThat(theirs.status()).isEqualTo(201);
            assertThat(theirs.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
            assertThat(other.get("/v1/collections").json()).hasSize(1);

            String c = first.json().get("id").asText();
            String p = client.product("{\"name\":\"p\"}");
            for (int i = 0; i < 2; i++) {
                Harness.Res add = client.send("POST", "/v1/collections/" + c + "/products",
                        "{\"product_id\":\"" + p + "\"}", "Idempotency-Key", "add-1");
                assertThat(add.status()).isEqualTo(200);
                assertThat(add.body()).isEqualTo("{}");
            }
            for (int i = 0; i < 2; i++) {
                Harness.Res batch = client.send("POST", "/v1/products/batch", "{\"products\":[{\"name\":\"b\"}]}",
                        "Idempotency-Key", "batch-1");
                assertThat(batch.status()).isEqualTo(200);
            }
            assertThat(client.get("/v1/products").json()).hasSize(2);
        });
    }

    @Test
    void aFailedRequestReleasesItsKey() {
        Harness.run(client -> {
            Harness.Res bad = client.send("POST", "/v1/collections", "{\"name\":5}",
                    "Content-Type", "application/json", "Idempotency-Key", "retry-me");
            assertThat(bad.status()).isEqualTo(400);
            Harness.Res good = client.send("POST", "/v1/collections", "{\"name\":\"fixed\"}",
                    "Content-Type", "application/json", "Idempotency-Key", "retry-me");
            assertThat(good.status()).isEqualTo(201);
        });
    }

    @Test
    void aRepeatWhileTheFirstIsRunningIsAConflict() {
        Harness harness = new Harness();
        String body = "{\"name\":\"slow\"}";
        harness.adapters.idempotency().reserve(new ClientId("acme"), "running", Idempotency.fingerprint("POST",
                "/v1/collections", body.getBytes(StandardCharsets.UTF_8)), Instant.now().plusSeconds(60), Instant.now());
        harness.test(client -> {
            Harness.Res res = client.send("POST", "/v1/collections", body, "Content-Type", "application/json",
                    "Idempotency-Key", "running");
            assertThat(res.status()).isEqualTo(409);
            assertThat(res.json().get("error").asText()).contains("still being processed");
            assertThat(client.get("/v1/collections").json()).isEmpty();
        });
    }
}
