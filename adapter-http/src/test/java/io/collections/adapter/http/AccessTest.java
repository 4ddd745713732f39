package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.adapter.http.auth.AuthenticationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roles and client isolation, through the real routes. */
class AccessTest {
    static final String VIEWER = TestTokens.bearer("acme", "victor", "Viewer");
    static final String NO_ROLE = TestTokens.bearer("acme", "nobody", "");
    static final String OTHER_CLIENT = TestTokens.bearer("globex", "bob", "Owner");

    @Test
    void viewerReadsButEveryWriteIsForbiddenAndChangesNothing() {
        Harness.run(owner -> {
            String p = owner.product("{\"name\":\"Phone\"}");
            String c = owner.collection("{\"name\":\"Mine\"}");
            Harness.Client viewer = owner.as(VIEWER);
            assertThat(viewer.get("/v1/collections").json()).hasSize(1);
            assertThat(viewer.get("/v1/collections/" + c).status()).isEqualTo(200);
            assertThat(viewer.get("/v1/collections/" + c + "/products").status()).isEqualTo(200);
            assertThat(viewer.get("/v1/products").json()).hasSize(1);
            assertThat(viewer.get("/v1/products/" + p).status()).isEqualTo(200);
            String before = BadInputTest.snapshot(owner, c);
            for (Harness.Res res : writes(viewer, c, p)) {
                assertThat(res.status()).as(res.body()).isEqualTo(403);
                assertThat(res.json().get("code").asInt()).isEqualTo(403);
                assertThat(res.json().get("error").asText()).contains("Viewer");
            }
            assertThat(BadInputTest.snapshot(owner, c)).isEqualTo(before);
            Harness.Client nobody = owner.as(NO_ROLE);
            assertThat(nobody.get("/v1/collections").status()).isEqualTo(403);
            assertThat(nobody.get("/v1/products/" + p).status()).isEqualTo(403);
            for (Harness.Res res : writes(nobody, c, p)) {
                assertThat(res.status()).isEqualTo(403);
            }
            assertThat(BadInputTest.snapshot(owner, c)).isEqualTo(before);
            Harness.Client editor = owner.as(TestTokens.bearer("acme", "erin", "DataEditor"));
            assertThat(editor.patch("/v1/collections/" + c, "{\"name\":\"Edited\"}").json().get("updated_by").asText())
                    .isEqualTo("erin");
        });
    }

    @Test
    void anotherClientSeesNothingAndGets404ForEveryId() {
        Harness.run(owner -> {
            String p = owner.product("{\"name\":\"Phone\"}");
            String c = owner.collection("{\"name\":\"Mine\"}");
            owner.post("/v1/collections/" + c + "/products", "{\"product_id\":\"" + p + "\"}");
            String before = BadInputTest.snapshot(owner, c);
            Harness.Client other = owner.as(OTHER_CLIENT);
            assertThat(other.get("/v1/collections").json()).isEmpty();
            assertThat(other.get("/v1/products").json()).isEmpty();
            assertThat(other.get("/v1/collections/" + c).status()).isEqualTo(404);
            assertThat(other.get("/v1/collections/" + c + "/products").status()).isEqualTo(404);
            assertThat(other.get("/v1/products/" + p).status()).isEqualTo(404);
            for (Harness.Res res : writes(other, c, p).stream()
                    .filter(res -> res.status() != 201).toList()) {
                assertThat(res.status()).as(res.body()).isEqualTo(404);
                assertThat(res.json().get("code").asInt()).isEqualTo(404);
            }
            String theirs = other.collection("{\"name\":\"Theirs\"}");
            assertThat(other.post("/v1/collections/" + theirs + "/products", "{\"product_id\":\"" + p + "\"}").status())
                    .as("another client's product").isEqualTo(404);
            assertThat(owner.get("/v1/collections/" + theirs).status()).isEqualTo(404);
            assertThat(other.get("/v1/collections").json()).hasSize(2);
            assertThat(owner.get("/v1/collections").json()).hasSize(1);
            assertThat(BadInputTest.snapshot(owner, c)).isEqualTo(before);
        });
    }

    @Test
    void aFailedAuthenticationIs401WithAChallenge() {
        Harness.run(client -> {
            for (String authorization : new String[] {null, "Basic abc", "Bearer nonsense"}) {
                Harness.Client anonymous = client.as(authorization);
                for (Harness.Res res : List.of(anonymous.get("/v1/collections"),
                        anonymous.post("/v1/collections", "{\"name\":\"x\"}"), anonymous.get("/v1/products/1"))) {
                    assertThat(res.status()).isEqualTo(401);
                    assertThat(res.header("WWW-Authenticate")).isEqualTo(authorization == null ? "Bearer"
                            : "Bearer error=\"invalid_token\", error_description=\"" + res.json().get("error").asText()
                            + "\"");
                    assertThat(res.json().get("code").asInt()).isEqualTo(401);
                }
            }
            assertThat(client.get("/v1/collections").json()).isEmpty();
            assertThat(client.as(null).get("/health").status()).isEqualTo(200);
        });
        new Harness(header -> {
            throw new AuthenticationException("the token has expired");
        }).test(client -> {
            Harness.Res res = client.get("/v1/collections");
            assertThat(res.status()).isEqualTo(401);
            assertThat(res.json().get("error").asText()).isEqualTo("the token has expired");
            assertThat(res.header("WWW-Authenticate"))
                    .isEqualTo("Bearer error=\"invalid_token\", error_description=\"the token has expired\"");
        });
    }

    private static List<Harness.Res> writes(Harness.Client client, String c, String p) {
        String col = "/v1/collections/" + c;
        return List.of(
                client.post("/v1/collections", "{\"name\":\"x\"}"),
                client.patch(col, "{\"name\":\"changed\"}"),
                client.delete(col),
                client.post(col + "/products", "{\"product_id\":\"" + p + "\"}"),
                client.delete(col + "/products", "{\"product_id\":\"" + p + "\"}"),
                client.delete(col + "/products/" + p),
                client.post("/v1/products", "{\"name\":\"y\"}"),
                client.patch("/v1/products/" + p, "{\"name\":\"changed\"}"),
                client.delete("/v1/products/" + p),
                client.post("/v1/products/batch", "{\"products\":[{\"id\":\"" + p + "\",\"name\":\"z\"}]}"))
                .stream().toList();
    }
}
