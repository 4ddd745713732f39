package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code fetch} dry run for Google Merchant and Algolia, whose fixed hosts are replaced by the MockWebServer
 * through {@code COLLECTIONS_GOOGLE_MERCHANT_BASE_URL} and {@code COLLECTIONS_ALGOLIA_BASE_URL}.
 */
class FetchGoogleMerchantAndAlgoliaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOGLE_TOKEN = "ya29.a0AfB_secret_token";
    private static final String ALGOLIA_KEY = "6be0576ff61c053d5f9a3225e2a90f76";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    private Path dataDirectory;

    @BeforeEach
    void pointTheFixedHostsAtTheFake() {
        String base = "http://" + server.getHostName() + ":" + server.getPort();
        System.setProperty("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "true");
        System.setProperty("COLLECTIONS_DB_URL", "jdbc:h2:file:" + dataDirectory.resolve("collections"));
        System.setProperty("COLLECTIONS_GOOGLE_MERCHANT_BASE_URL", base);
        System.setProperty("COLLECTIONS_ALGOLIA_BASE_URL", base);
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("COLLECTIONS_ALLOW_PRIVATE_NETWORK");
        System.clearProperty("COLLECTIONS_DB_URL");
        System.clearProperty("COLLECTIONS_GOOGLE_MERCHANT_BASE_URL");
        System.clearProperty("COLLECTIONS_ALGOLIA_BASE_URL");
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=UTF-8")
                .body(body).build();
    }

    private static String googleProduct(String offerId, String micros) {
        return "{\"name\":\"accounts/1234567/products/en~US~" + offerId + "\",\"offerId\":\"" + offerId + "\","
                + "\"productAttributes\":{\"title\":\"Mug " + offerId + "\",\"brand\":\"Acme\",\"productTypes\":"
                + "[\"Home > Kitchen > Mugs\"],\"price\":{\"amountMicros\":\"" + micros + "\",\"currencyCode\":"
                + "\"EUR\"},\"imageLink\":\"https://cdn.example.com/" + offerId + ".jpg\"},\"productStatus\":"
                + "{\"destinationStatuses\":[{\"reportingContext\":\"SHOPPING_ADS\",\"approvedCountries\":[\"DE\"]}],"
                + "\"creationDate\":\"2026-01-05T10:00:00.123456Z\",\"lastUpdateDate\":\"2026-11-01T10:00:00Z\"}}";
    }

    @Test
    void googleMerchantDryRunFollowsPageTokensOnTheConfiguredHost() throws Exception {
        server.enqueue(json(200, "{\"products\":[" + googleProduct("M1", "12500000") + "],\"nextPageToken\":\"t+2\"}"));
        server.enqueue(json(200, "{\"products\":[" + googleProduct("M2", "9990000") + ","
                + googleProduct("M3", "1.5") + "]}"));

        int status = run("fetch", "google-merchant", "--merchant-id", "1234567", "--access-token", GOOGLE_TOKEN);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.path("source").path("external_id").asText())
                .containsExactly("M1", "M2");
        JsonNode mug = lines.get(0);
        assertThat(mug.path("price").asText()).isEqualTo("12.50");
        assertThat(mug.path("currency").asText()).isEqualTo("EUR");
        assertThat(mug.path("product_type").asText()).isEqualTo("Mugs");
        assertThat(mug.path("status").asText()).isEqualTo("active");
        assertThat(mug.path("source").path("provider").asText()).isEqualTo("google-merchant");
        assertThat(mug.path("source").path("created_at").asText()).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(mug.path("source").path("updated_at").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("skipped M3: unparsable price")
                .contains("fetched 3 products (2 valid, 1 skipped: 1 unparsable price) in 2 pages")
                .doesNotContain(GOOGLE_TOKEN);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/products/v1/accounts/1234567/products");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + GOOGLE_TOKEN);
        assertThat(server.takeRequest().getUrl().queryParameter("pageToken")).isEqualTo("t+2");
    }

    @Test
    void algoliaDryRunBrowsesWithTheCursorAloneAndTheAttributeMapping() throws Exception {
        server.enqueue(json(200, "{\"hits\":[{\"objectID\":\"a1\",\"label\":\"Lamp\",\"price\":49.9,"
                + "\"updated_at\":1732089600}],"
                + "\"cursor\":\"c2\",\"nbHits\":2,\"page\":0,\"nbPages\":1,\"hitsPerPage\":1000}"));
        server.enqueue(json(200, "{\"hits\":[{\"objectID\":\"a2\",\"label\":\"Desk\",\"price\":\"120\"}],"
                + "\"nbHits\":2,\"page\":0,\"nbPages\":1,\"hitsPerPage\":1000}"));

        int status = run("fetch", "algolia", "--application-id", "LATENCY", "--api-key", ALGOLIA_KEY,
                "--index-name", "products", "--attribute-mapping", "name=label");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lines()).extracting(line -> line.path("name").asText()).containsExactly("Lamp", "Desk");
        assertThat(lines()).extracting(line -> line.path("price").asText()).containsExactly("49.90", "120.00");
        assertThat(lines().get(0).path("source").path("account").asText()).isEqualTo("LATENCY/products");
        assertThat(lines().get(0).path("source").path("updated_at").asText()).isEqualTo("2024-11-20T08:00:00Z");
        assertThat(lines().get(1).path("source").path("updated_at").isNull()).isTrue();
        assertThat(lines().get(1).path("source").has("created_at")).as("present, as null").isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(ALGOLIA_KEY);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/1/indexes/products/browse");
        assertThat(first.getBody().utf8()).isEqualTo("{\"hitsPerPage\":1000}");
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"cursor\":\"c2\"}");
    }

    @Test
    void aMissingAlgoliaIndexExitsNonZeroSayingSo() {
        server.enqueue(json(404, "{\"message\":\"Index does not exist\",\"status\":404}"));

        int status = run("fetch", "algolia", "--application-id", "LATENCY", "--api-key", ALGOLIA_KEY,
                "--index-name", "nope");

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("fetch failed (not found): algolia:")
                .contains("Index does not exist").doesNotContain(ALGOLIA_KEY);
    }
}
