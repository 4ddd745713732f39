package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every curl example of the Collections API document, run as written against a running server, answering the
 * documented shape. {@link SeedExamplesTest} runs it over the in-memory adapters; the bootstrap module runs it
 * against the wired server on H2 and PostgreSQL through {@link #everyCurlExample(int, String)}.
 */
public final class SeedExamples {
    static final String DOCUMENTED_COLLECTION = """
            {"id": "123456789", "name": "Example Collection", "status": "DRAFT", "image_id": "123456789",
             "product_inclusion_rules": {"rules": [{"type": "product_type", "value": "Gadget"},
                                                   {"type": "product_category", "value": "Electronics"}]},
             "match_all_rules": true, "sort_by": "name", "product_count": 2,
             "created_at": "2024-01-07T12:30:00Z", "updated_at": "2024-01-07T14:45:00Z",
             "created_by": "123456789", "updated_by": "123456789"}""";
    static final String DOCUMENTED_PRODUCT = """
            {"id": "123456789", "brand_id": "987654321", "metadata_id": "456789012", "image_id": "789012345",
             "is_tangible": true, "has_details": false, "has_pricing": false, "is_organized": true,
             "is_published": false, "needs_review": true, "out_of_sync": false, "syncing_paused_at": null,
             "status": "DRAFT", "name": "Sample Product", "model_type": "Simple", "product_code": "ABC123",
             "product_category": "Electronics", "product_type": "Gadget", "product_lifecycle_status": "Active",
             "weight": "1.5", "weight_unit": "kg", "size_unit": "cm", "length": "10", "width": "5", "height": "15",
             "country_of_origin": "US", "commodity_description": "A high-quality electronic gadget.",
             "taxable": false, "tax_code": "TAX123", "created_at": "2024-01-07T12:30:00Z",
             "updated_at": "2024-01-07T14:45:00Z", "created_by": "789012345", "updated_by": "123456789"}""";
    static final String CREATE_FULL = """
            {
            "name": "Example Collection",
            "status": "DRAFT",
            "image_id": "123456789",
            "product_inclusion_rules": {
            "rules": [
            {
            "type": "product_type",
            "value": "Gadget"
            },
            {
            "type": "product_category",
            "value": "Electronics"
            }
            ]
            },
            "match_all_rules": true,
            "sort_by": "name"
            }""";
    /** The seed's product, as a request body: its writable fields. */
    static final String SEED_PRODUCT_INPUT = """
            {"brand_id": "987654321", "metadata_id": "456789012", "image_id": "789012345",
             "is_tangible": true, "has_details": false, "has_pricing": false, "is_organized": true,
             "is_published": false, "needs_review": true, "out_of_sync": false, "syncing_paused_at": null,
             "status": "DRAFT", "name": "%s", "model_type": "Simple", "product_code": "%s",
             "product_category": "Electronics", "product_type": "Gadget", "product_lifecycle_status": "Active",
             "weight": "1.5", "weight_unit": "kg", "size_unit": "cm", "length": "10", "width": "5", "height": "15",
             "country_of_origin": "US", "commodity_description": "A high-quality electronic gadget.",
             "taxable": false, "tax_code": "TAX123"}""";
    static final List<String> PRODUCT_EXTENSIONS = List.of("brand", "tags", "price", "currency", "image_urls",
            "source");

    private SeedExamples() {
    }

    /** The examples against the server on {@code port}, as the caller of {@code authorization} (user alice). */
    public static void everyCurlExample(int port, String authorization) throws Exception {
        everyCurlExample(new Harness.Client(port, authorization));
    }

    static void everyCurlExample(Harness.Client client) throws Exception {
        JsonNode documented = Harness.JSON.readTree(DOCUMENTED_COLLECTION);
        String p1 = client.product(SEED_PRODUCT_INPUT.formatted("Sample Product", "ABC123"));
        String p2 = client.product(SEED_PRODUCT_INPUT.formatted("Sample Product 2", "123ABC"));

        // Create a single collection (the full body).
        Harness.Res full = client.post("/v1/collections", CREATE_FULL);
        assertThat(full.status()).isEqualTo(201);
        String id = full.json().get("id").asText();
        assertThat(full.header("Location")).isEqualTo("/v1/collections/" + id);
        assertSameShape(full.json(), documented);
        assertThat(full.json().get("product_inclusion_rules")).isEqualTo(Harness.JSON.readTree(
                "{\"rules\":[{\"type\":\"product_type\",\"relation\":\"equals\",\"value\":\"Gadget\"},"
                        + "{\"type\":\"product_category\",\"relation\":\"equals\",\"value\":\"Electronics\"}]}"));
        assertThat(full.json().get("product_count").asInt()).isEqualTo(2);
        assertThat(full.json().get("created_by").asText()).isEqualTo("alice");
        assertThat(full.json().get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        // Create a single collection (name only).
        Harness.Res minimal = client.post("/v1/collections", "{\n\"name\": \"Example Collection\"\n}");
        assertThat(minimal.status()).isEqualTo(201);
        assertThat(fieldNames(minimal.json())).containsExactlyElementsOf(fieldNames(documented));
        assertThat(minimal.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(minimal.json().get("image_id").isNull()).isTrue();
        assertThat(minimal.json().get("product_inclusion_rules").toString()).isEqualTo("{\"rules\":[]}");
        assertThat(minimal.json().get("match_all_rules").asBoolean()).isTrue();
        assertThat(minimal.json().get("sort_by").asText()).isEqualTo("name");
        assertThat(minimal.json().get("product_count").asInt()).isZero();

        // Retrieve all collections.
        Harness.Res all = client.send("GET", "/v1/collections", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().isArray()).isTrue();
        assertThat(all.json()).hasSize(2);
        all.json().forEach(c -> assertThat(fieldNames(c)).containsExactlyElementsOf(fieldNames(documented)));
        assertSameShape(all.json().get(1), documented);

        // Retrieve a single collection.
        Harness.Res one = client.send("GET", "/v1/collections/" + id, null);
        assertThat(one.status()).isEqualTo(200);
        assertSameShape(one.json(), documented);
        assertThat(one.header("ETag")).isNotBlank();

        // Update a single collection.
        Harness.Res updated = client.send("PATCH", "/v1/collections/" + id,
                "{\n\"name\": \"New Collection Name\"\n}", "Content-Type", "application/json");
        assertThat(updated.status()).isEqualTo(200);
        assertSameShape(updated.json(), documented);
        assertThat(updated.json().get("name").asText()).isEqualTo("New Collection Name");
        assertThat(updated.json().get("image_id").asText()).isEqualTo("123456789");

        // Retrieve all products in a collection.
        Harness.Res members = client.send("GET", "/v1/collections/" + id + "/products", null);
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.json()).hasSize(2);
        JsonNode documentedProduct = Harness.JSON.readTree(DOCUMENTED_PRODUCT);
        for (JsonNode product : members.json()) {
            List<String> expected = new ArrayList<>(fieldNames(documentedProduct));
            expected.addAll(PRODUCT_EXTENSIONS);
            assertThat(fieldNames(product)).containsExactlyElementsOf(expected);
            assertSameShape(product, documentedProduct);
            assertThat(product.get("weight").asText()).isEqualTo("1.5");
            assertThat(product.get("tags").isArray()).isTrue();
            assertThat(product.get("image_urls").isArray()).isTrue();
            assertThat(product.get("source").isNull()).isTrue();
            assertThat(product.get("price").isNull()).isTrue();
        }
        assertThat(members.json().get(0).get("name").asText()).isEqualTo("Sample Product");

        // Create a single product in a collection: curl --data, so no JSON Content-Type.
        String hand = client.collection("{\"name\":\"Hand picked\"}");
        Harness.Res added = client.send("POST", "/v1/collections/" + hand + "/products",
                "{\n\"product_id\": \"" + p1 + "\"\n}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).isEqualTo("{}");
        Harness.Res addedByCurl = client.send("POST", "/v1/collections/" + hand + "/products",
                "{\"product_id\": \"" + p2 + "\"}", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(addedByCurl.status()).isEqualTo(200);
        assertThat(client.get("/v1/collections/" + hand).json().get("product_count").asInt()).isEqualTo(2);

        // Delete a single product in a collection.
        Harness.Res removed = client.send("DELETE", "/v1/collections/" + hand + "/products",
                "{\n\"product_id\": \"" + p1 + "\"\n}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).isEqualTo("{}");
        assertThat(client.get("/v1/collections/" + hand).json().get("product_count").asInt()).isEqualTo(1);

        // Delete a single collection.
        Harness.Res deleted = client.send("DELETE", "/v1/collections/" + id, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{}");
        assertThat(client.get("/v1/collections/" + id).status()).isEqualTo(404);
        assertThat(client.get("/v1/products/" + p1).status()).isEqualTo(200);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    /** The same field names, in the same order, with the same JSON types (null where the example has null). */
    static void assertSameShape(JsonNode actual, JsonNode documented) {
        for (String name : fieldNames(documented)) {
            assertThat(actual.has(name)).as("field %s present", name).isTrue();
            JsonNode expected = documented.get(name);
            if (!expected.isNull()) {
                assertThat(actual.get(name).getNodeType()).as("type of %s", name).isEqualTo(expected.getNodeType());
            }
        }
    }
}
