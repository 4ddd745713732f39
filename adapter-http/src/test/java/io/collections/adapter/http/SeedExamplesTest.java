package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seed document's curl examples over the in-memory adapters. */
class SeedExamplesTest {

    @Test
    void everyCurlExampleAnswersTheDocumentedShape() {
        Harness.run(SeedExamples::everyCurlExample);
    }

    @Test
    void decimalsStayPlainStrings() {
        Harness.run(client -> {
            Harness.Res created = client.post("/v1/products",
                    "{\"name\":\"Widget\",\"price\":\"12.50\",\"weight\":\"0.000001\",\"length\":100}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("price").asText()).isEqualTo("12.50");
            assertThat(created.json().get("weight").asText()).isEqualTo("0.000001");
            assertThat(created.json().get("length").asText()).isEqualTo("100");
            assertThat(created.body()).doesNotContain("E-").doesNotContain("E+");
            assertThat(created.header("Location")).isEqualTo("/v1/products/" + created.json().get("id").asText());
        });
    }
}
