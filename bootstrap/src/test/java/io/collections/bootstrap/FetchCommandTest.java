package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collections.domain.catalog.FetchSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fetch} dry run through {@code Main.run}, against MockWebServer speaking the providers' formats. */
class FetchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "ck_0123456789abcdef0123456789abcdef01234567";
    private static final String SECRET = "cs_fedcba9876543210fedcba9876543210fedcba98";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    private Path dataDirectory;

    @BeforeEach
    void allowTheLoopbackFake() {
        System.setProperty("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "true");
        System.setProperty("COLLECTIONS_DB_URL", "jdbc:h2:file:" + dataDirectory.resolve("collections"));
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("COLLECTIONS_ALLOW_PRIVATE_NETWORK");
        System.clearProperty("COLLECTIONS_DB_URL");
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String store() {
        return "http://" + server.getHostName() + ":" + server.getPort();
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

    private static MockResponse json(int status, String body, Map<String, String> headers) {
        MockResponse.Builder response = new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/json; charset=UTF-8").body(body);
        headers.forEach(response::addHeader);
        return response.build();
    }

    private static String wooProduct(int id, String name, String price) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"type\":\"simple\",\"status\":\"publish\",\"sku\":\"SKU-"
                + id + "\",\"price\":\"" + price + "\",\"regular_price\":\"" + price + "\",\"virtual\":false,"
                + "\"categories\":[{\"id\":9,\"name\":\"Clothing\",\"slug\":\"clothing\"}],\"tags\":[{\"id\":5,"
                + "\"name\":\"cotton\",\"slug\":\"cotton\"}],\"brands\":[],\"images\":[{\"id\":1,\"src\":"
                + "\"https://shop.example.com/wp-content/uploads/" + id + ".jpg\"}],\"attributes\":[],"
                + "\"date_created\":\"2024-03-01T10:30:00\",\"date_created_gmt\":\"2024-03-01T09:30:00\","
                + "\"date_modified\":\"2024-05-02T10:30:00\",\"date_modified_gmt\":\"2024-05-02T09:30:00\"}";
    }

    @Test
    void woocommerce_dry_run_prints_one_json_line_per_product_and_a_summary() throws Exception {
        server.enqueue(json(200, "{\"code\":\"USD\",\"name\":\"United States (US) dollar\",\"symbol\":\"$\"}",
                Map.of()));
        server.enqueue(json(200, "[" + wooProduct(101, "Tee", "21.99") + "," + wooProduct(102, "Hoodie", "45.00")
                + "," + wooProduct(103, "Broken", "4,50") + "]", Map.of("X-WP-Total", "3", "X-WP-TotalPages", "1")));

        int status = run("fetch", "woocommerce", "--store-url", store(), "--consumer-key", KEY,
                "--consumer-secret", SECRET);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode tee = lines.get(0);
        assertThat(tee.path("name").asText()).isEqualTo("Tee");
        assertThat(tee.path("price").isTextual()).isTrue();
        assertThat(tee.path("price").asText()).isEqualTo("21.99");
        assertThat(tee.path("currency").asText()).isEqualTo("USD");
        assertThat(tee.path("product_code").asText()).isEqualTo("SKU-101");
        assertThat(tee.path("product_type").asText()).isEqualTo("Clothing");
        assertThat(tee.path("tags").toString()).isEqualTo("[\"cotton\"]");
        assertThat(tee.path("image_urls").toString())
                .isEqualTo("[\"https://shop.example.com/wp-content/uploads/101.jpg\"]");
        assertThat(tee.path("status").asText()).isEqualTo("active");
        assertThat(tee.path("is_published").asBoolean()).isTrue();
        assertThat(tee.path("source").toString()).isEqualTo("{\"provider\":\"woocommerce\",\"account\":\""
                + store() + "\",\"external_id\":\"101\",\"created_at\":\"2024-03-01T09:30:00Z\","
                + "\"updated_at\":\"2024-05-02T09:30:00Z\"}");
        assertThat(tee.has("weight")).isTrue();
        assertThat(tee.path("weight").isNull()).isTrue();
        assertThat(tee.has("id")).isFalse();
        assertThat(tee.has("created_at")).isFalse();
        assertThat(tee.size()).isEqualTo(34);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("skipped 103: unparsable price")
                .contains("fetched 3 products (2 valid, 1 skipped: 1 unparsable price) in 1 pages, 0 retries,")
                .doesNotContain(SECRET).doesNotContain(KEY);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/wp-json/wc/v3/data/currencies/current");
        assertThat(server.takeRequest().getUrl().queryParameter("per_page")).isEqualTo("100");
        try (var files = Files.list(dataDirectory)) {
            assertThat(files).as("a dry run writes nothing").isEmpty();
        }
    }

    @Test
    void shopify_dry_run_speaks_the_pinned_graphql_version() throws Exception {
        System.setProperty("COLLECTIONS_SHOPIFY_API_VERSION", "2026-01");
        try {
            server.enqueue(json(200, "{\"data\":{\"shop\":{\"currencyCode\":\"CAD\"},\"products\":{\"nodes\":[{\"id\":"
                    + "\"gid://shopify/Product/632910392\",\"legacyResourceId\":\"632910392\",\"title\":\"IPod Nano\","
                    + "\"productType\":\"Cult Products\",\"vendor\":\"Apple\",\"tags\":[\"Emotive\"],\"status\":"
                    + "\"ACTIVE\",\"publishedAt\":\"2024-01-05T10:00:00Z\",\"createdAt\":\"2008-09-11T16:48:21Z\","
                    + "\"updatedAt\":\"2024-01-07T12:30:00.654Z\",\"category\":null,\"priceRangeV2\":"
                    + "{\"minVariantPrice\":{\"amount\":\"199.0\",\"currencyCode\":\"CAD\"}},\"media\":{\"nodes\":[]},"
                    + "\"variants\":{\"nodes\":[{\"sku\":\"IPOD2008PINK\"}]}}],\"pageInfo\":{\"hasNextPage\":false,"
                    + "\"endCursor\":\"eyJsYXN0X2lkIjo2MzI5MTAzOTJ9\"}}},\"extensions\":{\"cost\":"
                    + "{\"requestedQueryCost\":502,\"actualQueryCost\":4,\"throttleStatus\":{\"maximumAvailable\":2000.0,"
                    + "\"currentlyAvailable\":1996,\"restoreRate\":100.0}}}}", Map.of()));

            int status = run("fetch", "shopify", "--shop", store(), "--access-token", "shpat_abc123");

            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            JsonNode ipod = lines().get(0);
            assertThat(ipod.path("name").asText()).isEqualTo("IPod Nano");
            assertThat(ipod.path("price").asText()).isEqualTo("199.0");
            assertThat(ipod.path("currency").asText()).isEqualTo("CAD");
            assertThat(ipod.path("source").path("external_id").asText()).isEqualTo("632910392");
            assertThat(ipod.path("source").path("created_at").asText()).isEqualTo("2008-09-11T16:48:21Z");
            assertThat(ipod.path("source").path("updated_at").asText()).as("to the second, as the API writes it")
                    .isEqualTo("2024-01-07T12:30:00Z");
            RecordedRequest request = server.takeRequest();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/admin/api/2026-01/graphql.json");
            assertThat(request.getHeaders().get("X-Shopify-Access-Token")).isEqualTo("shpat_abc123");
        } finally {
            System.clearProperty("COLLECTIONS_SHOPIFY_API_VERSION");
        }
    }

    @Test
    void rejected_credentials_exit_non_zero_with_a_clear_message_and_no_secret() {
        server.enqueue(json(401, "{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer key is"
                + " invalid.\",\"data\":{\"status\":401}}", Map.of()));

        int status = run("fetch", "woocommerce", "--store-url", store(), "--consumer-key", KEY,
                "--consumer-secret", SECRET);

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("fetch failed (credentials rejected): woocommerce: the provider refused the credentials:"
                        + " HTTP 401: Consumer key is invalid.")
                .doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void a_private_store_is_refused_unless_private_network_is_allowed() {
        System.clearProperty("COLLECTIONS_ALLOW_PRIVATE_NETWORK");

        int status = run("fetch", "woocommerce", "--store-url", "https://127.0.0.1:" + server.getPort(),
                "--consumer-key", KEY, "--consumer-secret", SECRET);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("fetch failed (bad request): woocommerce:"
                + " store_url points at a loopback, private, link-local or metadata address");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void usage_errors_exit_with_2_and_say_what_is_wrong() {
        assertThat(run("fetch")).isEqualTo(2);
        assertThat(run("fetch", "magento", "--shop", "x")).isEqualTo(2);
        assertThat(run("fetch", "shopify", "--shop", "acme")).isEqualTo(2);
        assertThat(run("fetch", "shopify", "--shop", "acme", "--access-token", "t", "--api-key", "k")).isEqualTo(2);
        assertThat(run("fetch", "shopify", "--shop")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("configuration error")))
                .containsExactly(
                        "configuration error: fetch needs a provider: shopify, google-merchant, algolia or woocommerce",
                        "configuration error: unknown provider 'magento': must be one of shopify, google-merchant,"
                                + " algolia, woocommerce",
                        "configuration error: fetch shopify: --access-token is required",
                        "configuration error: fetch shopify does not take --api-key; it takes --shop, --access-token",
                        "configuration error: option --shop needs a value");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void an_attribute_mapping_is_pairs_or_a_json_object() {
        assertThat(FetchCommand.attributeMapping("name=title, brand=vendor"))
                .containsExactly(Map.entry("name", "title"), Map.entry("brand", "vendor"));
        assertThat(FetchCommand.attributeMapping("{\"name\":\"title\",\"price\":\"price_eur\"}"))
                .containsExactly(Map.entry("name", "title"), Map.entry("price", "price_eur"));
        assertThat(FetchCommand.attributeMapping(null)).isNull();
        assertThatThrownBy(() -> FetchCommand.attributeMapping("name")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("field=attribute pairs");
        assertThatThrownBy(() -> FetchCommand.attributeMapping("{\"name\":1}"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FetchCommand.attributeMapping("{broken")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void theSummaryCountsListingsOfAProductAlreadyFetchedApartFromTheInvalidOnes() {
        FetchSummary summary = new FetchSummary(10, 2, Map.of("missing name", 2L), 3, 2, 1, Duration.ofMillis(1500));

        assertThat(FetchCommand.summaryLine(summary)).isEqualTo(
                "fetched 10 products (5 valid, 2 skipped: 2 missing name, 3 listed again) in 2 pages, 1 retries, 1.5 s");
        assertThat(FetchCommand.summaryLine(new FetchSummary(4, 0, Map.of(), 0, 1, 0, Duration.ZERO)))
                .isEqualTo("fetched 4 products (4 valid, 0 skipped) in 1 pages, 0 retries, 0.0 s");
    }
}
