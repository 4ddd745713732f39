package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Clients are tenants: another client's id answers exactly like an id that does not exist, on every /v1 route
 * with an id; two clients with the same names and rules see only their own rows, and counts never mix.
 */
class ClientIsolationTest {
    private static final String ACME = TestTokens.bearer("acme", "alice", "Owner");
    private static final String GLOBEX = TestTokens.bearer("globex", "gina", "Owner");
    private static final String MISSING_COLLECTION = "987654321";
    private static final String MISSING_PRODUCT = "987654329";

    @Test
    void anotherClientsIdsAnswerExactlyLikeMissingIdsOnEveryRoute() {
        Harness harness = new Harness();
        harness.test(anonymous -> {
            Harness.Client acme = anonymous.as(ACME);
            Harness.Client globex = anonymous.as(GLOBEX);
            String p = acme.product("{\"name\":\"Phone\",\"product_type\":\"Gadget\"}");
            String c = acme.collection("{\"name\":\"Gadgets\",\"product_inclusion_rules\":"
                    + "{\"rules\":[{\"type\":\"product_type\",\"value\":\"gadget\"}]}}");
            String theirCollection = globex.collection("{\"name\":\"Gadgets\"}");
            String before = BadInputTest.snapshot(acme, c);
            String globexBefore = BadInputTest.snapshot(globex, theirCollection);
            List<AuthMatrixTest.Route> routes = AuthMatrixTest.v1Routes(harness).stream()
                    .filter(route -> route.path().contains("{") || AuthMatrixTest.SAMPLE_BODIES
                            .getOrDefault(route.method() + " " + route.path(), "").contains("{P}"))
                    .toList();
            assertThat(routes).as("routes that take an id").hasSizeGreaterThanOrEqualTo(10);

            SoftAssertions softly = new SoftAssertions();
            for (AuthMatrixTest.Route route : routes) {
                Harness.Res foreign = route.send(globex, new AuthMatrixTest.Ids(c, p));
                Harness.Res missing = route.send(globex,
                        new AuthMatrixTest.Ids(MISSING_COLLECTION, MISSING_PRODUCT));
                softly.assertThat(foreign.status()).as(route + " with acme's ids: " + foreign).isEqualTo(404);
                softly.assertThat(normalized(foreign.body(), c, p)).as(route + " like a missing id")
                        .isEqualTo(missing.body());
                softly.assertThat(missing.status()).as(route + " with missing ids").isEqualTo(404);

                if (route.path().startsWith("/v1/collections/{id}/products")) {
                    Harness.Res foreignProduct = route.send(globex, new AuthMatrixTest.Ids(theirCollection, p));
                    Harness.Res missingProduct = route.send(globex,
                            new AuthMatrixTest.Ids(theirCollection, MISSING_PRODUCT));
                    softly.assertThat(foreignProduct.status()).as(route + ", own collection, acme's product")
                            .isEqualTo(missingProduct.status());
                    softly.assertThat(normalized(foreignProduct.body(), c, p)).as(route + ", acme's product")
                            .isEqualTo(missingProduct.body());
                }
            }
            softly.assertThat(BadInputTest.snapshot(acme, c)).as("acme's state").isEqualTo(before);
            softly.assertThat(BadInputTest.snapshot(globex, theirCollection)).as("globex's state")
                    .isEqualTo(globexBefore);
            softly.assertAll();
        });
    }

    @Test
    void twoClientsWithTheSameNamesAndRulesSeeOnlyTheirOwnAndCountsNeverMix() {
        Harness.run(anonymous -> {
            Harness.Client acme = anonymous.as(ACME);
            Harness.Client globex = anonymous.as(GLOBEX);
            Tenant a = Tenant.seed(acme, 3);
            Tenant g = Tenant.seed(globex, 1);

            // Products that appear after the collections exist, by create, batch and patch, must match only
            // their own client's rules.
            a.gadgets.add(acme.product("{\"name\":\"Late gadget\",\"product_type\":\"Gadget\"}"));
            String upserted = globex.post("/v1/products/batch", "{\"products\":[{\"name\":\"Batch gadget\","
                    + "\"product_type\":\"gadget\"},{\"id\":\"" + g.plain + "\",\"product_type\":\"GADGET\"}]}")
                    .json().get("products").get(0).get("id").asText();
            g.gadgets.add(upserted);
            g.gadgets.add(g.plain);
            assertThat(acme.patch("/v1/products/" + a.plain, "{\"tags\":[\"sale\"]}").status()).isEqualTo(200);

            for (Tenant[] pair : new Tenant[][] {{a, g}, {g, a}}) {
                Tenant self = pair[0];
                Tenant other = pair[1];
                Harness.Client client = self.client;
                assertThat(names(client.get("/v1/collections?limit=1000").json()))
                        .containsExactlyInAnyOrder("Gadgets", "Picked", "Sale");
                assertThat(ids(client.get("/v1/collections?limit=1000").json()))
                        .containsExactlyInAnyOrderElementsOf(self.collectionIds())
                        .doesNotContainAnyElementsOf(other.collectionIds());
                assertThat(ids(client.get("/v1/products?limit=1000").json()))
                        .containsExactlyInAnyOrderElementsOf(self.productIds())
                        .doesNotContainAnyElementsOf(other.productIds());
                assertThat(ids(client.get("/v1/collections/" + self.gadgetsCollection + "/products?limit=1000")
                        .json())).containsExactlyInAnyOrderElementsOf(self.gadgets);
                assertThat(client.get("/v1/collections/" + self.gadgetsCollection).json().get("product_count")
                        .asInt()).isEqualTo(self.gadgets.size());
                assertThat(ids(client.get("/v1/collections/" + self.picked + "/products").json()))
                        .containsExactly(self.plain);
                assertThat(client.get("/v1/collections/" + self.picked).json().get("product_count").asInt())
                        .isEqualTo(1);
                assertThat(client.get("/v1/collections?name=Gadgets").json()).hasSize(1);
                assertThat(client.get("/v1/collections/" + other.gadgetsCollection).status()).isEqualTo(404);
            }
            assertThat(ids(acme.get("/v1/collections/" + a.sale + "/products").json())).containsExactly(a.plain);
            assertThat(globex.get("/v1/collections/" + g.sale + "/products").json()).isEmpty();
            assertThat(a.gadgets).hasSize(4);
            assertThat(g.gadgets).hasSize(3);
        });
    }

    /** One client's products and collections, all with the same names as the other client's. */
    private static final class Tenant {
        final Harness.Client client;
        final List<String> gadgets = new ArrayList<>();
        String plain;
        String gadgetsCollection;
        String picked;
        String sale;

        private Tenant(Harness.Client client) {
            this.client = client;
        }

        static Tenant seed(Harness.Client client, int gadgetCount) {
            Tenant tenant = new Tenant(client);
            for (int i = 0; i < gadgetCount; i++) {
                tenant.gadgets.add(client.product("{\"name\":\"Gadget " + i + "\",\"product_type\":\"Gadget\"}"));
            }
            tenant.plain = client.product("{\"name\":\"Plain\",\"product_type\":\"Book\"}");
            tenant.gadgetsCollection = client.collection("{\"name\":\"Gadgets\",\"product_inclusion_rules\":"
                    + "{\"rules\":[{\"type\":\"product_type\",\"value\":\"gadget\"}]}}");
            tenant.picked = client.collection("{\"name\":\"Picked\"}");
            assertThat(client.post("/v1/collections/" + tenant.picked + "/products",
                    "{\"product_id\":\"" + tenant.plain + "\"}").status()).isEqualTo(200);
            tenant.sale = client.collection("{\"name\":\"Sale\",\"product_inclusion_rules\":"
                    + "{\"rules\":[{\"type\":\"tag\",\"value\":\"sale\"}]}}");
            return tenant;
        }

        List<String> collectionIds() {
            return List.of(gadgetsCollection, picked, sale);
        }

        List<String> productIds() {
            List<String> all = new ArrayList<>(gadgets);
            if (!all.contains(plain)) {
                all.add(plain);
            }
            return all;
        }
    }

    /** The body with acme's ids, as whole numbers, put back to the missing ids they were compared with. */
    private static String normalized(String body, String collection, String product) {
        Map<String, String> replacements = Map.of(collection, MISSING_COLLECTION, product, MISSING_PRODUCT);
        Matcher number = Pattern.compile("(?<![0-9])(" + collection + "|" + product + ")(?![0-9])").matcher(body);
        return number.replaceAll(match -> replacements.get(match.group(1)));
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
