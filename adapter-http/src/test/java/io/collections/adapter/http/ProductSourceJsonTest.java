package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An imported product's {@code source} on the wire, with the provider's own timestamps. */
class ProductSourceJsonTest {

    private static Product imported(Harness harness, String name, ProductSource source) {
        Product product = Product.create(harness.adapters.ids().nextProductId(), new ClientId("acme"),
                ProductDetails.builder().name(name).source(source).build(), new UserId("importer"),
                Instant.parse("2026-12-01T08:00:00Z"));
        harness.adapters.transactions().inTransaction(() -> harness.adapters.catalog().insert(product));
        return product;
    }

    @Test
    void theSourceCarriesTheProvidersTimestampsInUtcToTheSecond() {
        Harness harness = new Harness();
        Product shirt = imported(harness, "Shirt", new ProductSource("shopify", "acme.myshopify.com", "632910392",
                Instant.parse("2023-11-20T08:30:00.750Z"), Instant.parse("2024-01-07T12:30:00Z")));
        Product mug = imported(harness, "Mug", new ProductSource("algolia", "LATENCY/products", "mug-1",
                null, Instant.parse("2024-06-01T00:00:00Z")));

        harness.test(client -> {
            JsonNode source = client.get("/v1/products/" + shirt.id()).json().get("source");
            List<String> fields = new ArrayList<>();
            source.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("provider", "account", "external_id", "created_at", "updated_at");
            List<String> documented = new ArrayList<>();
            client.as(null).get("/openapi.json").json().at("/components/schemas/Product/properties/source/properties")
                    .fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as("the OpenAPI schema matches the answer").containsExactlyElementsOf(fields);
            assertThat(source.get("provider").asText()).isEqualTo("shopify");
            assertThat(source.get("external_id").asText()).isEqualTo("632910392");
            assertThat(source.get("created_at").asText()).isEqualTo("2023-11-20T08:30:00Z");
            assertThat(source.get("updated_at").asText()).isEqualTo("2024-01-07T12:30:00Z");

            JsonNode listed = client.get("/v1/products?limit=10").json();
            JsonNode mugSource = null;
            for (JsonNode product : listed) {
                if (product.get("id").asText().equals(mug.id().toString())) {
                    mugSource = product.get("source");
                }
            }
            assertThat(mugSource).as("the mug in the list").isNotNull();
            assertThat(mugSource.get("created_at").isNull()).as("the provider did not say").isTrue();
            assertThat(mugSource.get("updated_at").asText()).isEqualTo("2024-06-01T00:00:00Z");
        });
    }

    @Test
    void theOpenApiDocumentDescribesTheSourceTimestamps() {
        Harness.run(client -> {
            JsonNode source = client.as(null).get("/openapi.json").json()
                    .at("/components/schemas/Product/properties/source");
            assertThat(source.at("/properties/created_at/format").asText()).isEqualTo("date-time");
            assertThat(source.at("/properties/updated_at/type").toString()).isEqualTo("[\"string\",\"null\"]");
            assertThat(source.at("/required").toString())
                    .isEqualTo("[\"provider\",\"account\",\"external_id\",\"created_at\",\"updated_at\"]");
        });
    }
}
