package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Through HTTP, {@code product_count} always equals the length of the member list, after every write. */
class MembershipTest {
    @Test
    void productCountFollowsRulesHandPicksAndCatalogChanges() {
        Harness.run(client -> {
            String a = client.product("{\"name\":\"Phone\",\"product_type\":\"Gadget\",\"price\":\"100\"}");
            String b = client.product("{\"name\":\"Lamp\",\"product_type\":\"Home\",\"price\":\"20\"}");
            String c = client.collection("{\"name\":\"Gadgets\",\"product_inclusion_rules\":"
                    + "{\"rules\":[{\"type\":\"product_type\",\"value\":\"gadget\"}]}}");
            check(client, c, 1);
            assertThat(client.post("/v1/collections/" + c + "/products", "{\"product_id\":\"" + b + "\"}").body())
                    .isEqualTo("{}");
            check(client, c, 2);
            assertThat(client.post("/v1/collections/" + c + "/products", "{\"product_id\":\"" + b + "\"}").status())
                    .as("adding a member again").isEqualTo(200);
            check(client, c, 2);
            String d = client.product("{\"name\":\"Watch\",\"product_type\":\"Gadget\"}");
            check(client, c, 3);
            assertThat(client.patch("/v1/products/" + d, "{\"product_type\":\"Jewellery\"}").status()).isEqualTo(200);
            check(client, c, 2);
            assertThat(client.delete("/v1/collections/" + c + "/products/" + a).status()).isEqualTo(200);
            check(client, c, 1);
            assertThat(client.delete("/v1/collections/" + c + "/products/" + a).status())
                    .as("removing a non-member").isEqualTo(404);
            assertThat(client.patch("/v1/products/" + a, "{\"price\":\"101\"}").status()).isEqualTo(200);
            check(client, c, 1);
            assertThat(client.patch("/v1/collections/" + c, "{\"product_inclusion_rules\":{\"rules\":"
                    + "[{\"type\":\"price\",\"relation\":\"greater_than\",\"value\":\"10\"}]}}").status()).isEqualTo(200);
            check(client, c, 1);
            assertThat(client.post("/v1/collections/" + c + "/products", "{\"product_id\":\"" + a + "\"}").status())
                    .isEqualTo(200);
            check(client, c, 2);
            assertThat(client.delete("/v1/products/" + b).body()).isEqualTo("{}");
            check(client, c, 1);
            assertThat(client.patch("/v1/collections/" + c, "{\"product_inclusion_rules\":null}").json()
                    .get("product_inclusion_rules").toString()).isEqualTo("{\"rules\":[]}");
            check(client, c, 1);
            assertThat(client.post("/v1/products/batch", "{\"products\":[{\"id\":\"" + d + "\",\"price\":\"5\"},"
                    + "{\"name\":\"New\",\"price\":\"50\"}]}").status()).isEqualTo(200);
            check(client, c, 1);
        });
    }

    @Test
    void mergePatchClearsToDefaults() {
        Harness.run(client -> {
            String c = client.collection("{\"name\":\"x\",\"image_id\":\"img\",\"match_all_rules\":false,"
                    + "\"sort_by\":\"-price\",\"product_inclusion_rules\":{\"rules\":[{\"type\":\"tag\",\"value\":\"sale\"}]}}");
            var patched = client.patch("/v1/collections/" + c, "{\"image_id\":null,\"match_all_rules\":null,"
                    + "\"sort_by\":null,\"product_inclusion_rules\":null}").json();
            assertThat(patched.get("image_id").isNull()).isTrue();
            assertThat(patched.get("match_all_rules").asBoolean()).isTrue();
            assertThat(patched.get("sort_by").asText()).isEqualTo("name");
            assertThat(patched.get("product_inclusion_rules").get("rules")).isEmpty();
            assertThat(patched.get("name").asText()).isEqualTo("x");
            String p = client.product("{\"name\":\"p\",\"brand\":\"B\",\"tags\":[\"a\"],\"is_tangible\":true}");
            var product = client.patch("/v1/products/" + p, "{\"brand\":null,\"tags\":null,\"is_tangible\":null}").json();
            assertThat(product.get("brand").isNull()).isTrue();
            assertThat(product.get("tags")).isEmpty();
            assertThat(product.get("is_tangible").asBoolean()).isFalse();
            assertThat(product.get("name").asText()).isEqualTo("p");
        });
    }

    private static void check(Harness.Client client, String collection, int expected) {
        int count = client.get("/v1/collections/" + collection).json().get("product_count").asInt();
        int listed = client.get("/v1/collections/" + collection + "/products?limit=1000").json().size();
        assertThat(count).isEqualTo(listed).isEqualTo(expected);
    }
}
