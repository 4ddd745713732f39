package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.CatalogSources;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.http.RetryPolicy;
import io.collections.adapter.providers.http.Timeouts;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.Provider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imports through the wired server with the real Shopify and WooCommerce fetchers against MockWebServer fakes
 * speaking the platforms' wire formats: several pages, faults survived, counts, names, mapping, re-imports that
 * update, and failures (credentials, a provider failing past its retries, a timeout) that leave no collection.
 */
class ProviderImportEndToEndTest extends WiredServers {
    private static final String IMPORT = "/v1/collections/integrations/";

    @StartStop
    private final MockWebServer provider = new MockWebServer();

    /** The build's fetchers, allowed onto loopback, with a retry budget and timeouts sized for tests. */
    private Function<Provider, CatalogSource> fetchers() {
        CatalogSources sources = CatalogSources.standard(ProviderSettings.defaults().withAllowPrivateNetwork(true)
                .withGoogleMerchantBaseUrl(HttpUrl.get(baseUrl()))
                .withAlgoliaBaseUrl(HttpUrl.get(baseUrl()))
                .withTimeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(3)))
                .withRetryPolicy(new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofMillis(20),
                        Duration.ofMillis(100))));
        return provider -> sources.forProvider(provider).orElseGet(() -> new UnavailableCatalogSource(provider));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + provider.getPort();
    }

    private String shopifyBody(String token) {
        return "{\"shop\":\"" + baseUrl() + "\",\"access_token\":\"" + token + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aShopifyCatalogOfSeveralPagesIsImportedThroughFaultsAndReimportedWithoutDuplicates(String kind)
            throws Exception {
        FakeShopifyStore shop = new FakeShopifyStore(600).fault(FakeShopifyStore.json(503, "{\"errors\":\"busy\"}"))
                .fault(FakeShopifyStore.throttled());
        provider.setDispatcher(shop);
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        JsonNode first;
        JsonNode second;
        Wiring.RunningServer server;
        try {
            server = start(kind, fetchers(), Map.of("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "true"));
            first = ok(send(server, "POST", IMPORT + "shopify", shopifyBody(FakeShopifyStore.TOKEN)));
            assertThat(shop.productQueries()).as("three pages of at most 250").isEqualTo(3);
            shop.renaming(" (new glaze)");
            second = ok(send(server, "POST", IMPORT + "shopify", shopifyBody(FakeShopifyStore.TOKEN)));
        } finally {
            System.setErr(originalErr);
        }

        String today = Instant.now().toString().substring(0, 10);
        assertThat(first.get("name").asText()).isEqualTo("shopify_collection_" + today);
        assertThat(second.get("name").asText()).isEqualTo("shopify_collection_" + today + "_2");
        assertThat(first.get("product_count").asLong()).isEqualTo(shop.valid());
        assertThat(first.get("skipped_count").asLong()).as("no title; unparsable price").isEqualTo(2);
        assertThat(first.get("image_count").asLong()).as("one own image each and one shared").isEqualTo(shop.valid() + 1);
        assertThat(second.get("product_count").asLong()).isEqualTo(shop.valid());
        assertThat(database.count("SELECT COUNT(*) FROM products")).as("re-import updates").isEqualTo(shop.valid());

        JsonNode mug = member(server, second.get("id").asText(), "8001");
        assertThat(mug.get("name").asText()).isEqualTo("Mug 1 (new glaze)");
        assertThat(mug.get("brand").asText()).isEqualTo("Acme Ceramics");
        assertThat(mug.get("product_type").asText()).isEqualTo("Mugs");
        assertThat(mug.get("price").asText()).isEqualTo("1.50");
        assertThat(mug.get("currency").asText()).isEqualTo("EUR");
        assertThat(mug.get("product_code").asText()).isEqualTo("MUG-8001");
        assertThat(mug.get("tags").toString()).isEqualTo("[\"kitchen\",\"gift\"]");
        assertThat(mug.get("image_urls")).hasSize(2);
        assertThat(mug.at("/source/provider").asText()).isEqualTo("shopify");
        assertThat(mug.at("/source/account").asText()).as("the shop's host and port (decision 0112)")
                .isEqualTo("127.0.0.1:" + provider.getPort());
        assertThat(database.allRows()).noneMatch(row -> row.contains(FakeShopifyStore.TOKEN));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("POST " + IMPORT + "shopify 200")
                .doesNotContain(FakeShopifyStore.TOKEN);
        assertThat(first.toString() + second).doesNotContain(FakeShopifyStore.TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWooCommerceCatalogIsImportedInTheBackground(String kind) throws Exception {
        FakeWooCommerceStore store = new FakeWooCommerceStore(250)
                .fault(FakeWooCommerceStore.json(502, "{\"code\":\"bad_gateway\"}"));
        provider.setDispatcher(store);
        Wiring.RunningServer server = start(kind, fetchers(), Map.of("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "true"));
        String body = "{\"store_url\":\"" + baseUrl() + "\",\"consumer_key\":\"" + FakeWooCommerceStore.KEY
                + "\",\"consumer_secret\":\"" + FakeWooCommerceStore.SECRET + "\",\"name\":\"Spring shirts\","
                + "\"status\":\"ENABLED\"}";

        HttpResponse<String> accepted = send(server, "POST", IMPORT + "woocommerce", body, "Prefer",
                "respond-async");
        JsonNode done = awaitImport(server, location(accepted), "succeeded");

        assertThat(done.get("processed").asLong()).as("three pages of at most 100").isEqualTo(250);
        assertThat(done.get("skipped").asLong()).isEqualTo(1);
        JsonNode collection = ok(send(server, "GET", "/v1/collections/" + done.get("collection_id").asText(), null));
        assertThat(collection.get("name").asText()).isEqualTo("Spring shirts");
        assertThat(collection.get("status").asText()).isEqualTo("ENABLED");
        assertThat(collection.get("product_count").asLong()).isEqualTo(store.valid());
        JsonNode shirt = member(server, done.get("collection_id").asText(), "101");
        assertThat(shirt.get("name").asText()).isEqualTo("Shirt 1");
        assertThat(shirt.get("price").asText()).isEqualTo("1.99");
        assertThat(shirt.get("currency").asText()).isEqualTo("EUR");
        assertThat(shirt.get("product_code").asText()).isEqualTo("WOO-101");
        assertThat(shirt.at("/source/provider").asText()).isEqualTo("woocommerce");
        assertThat(database.allRows()).noneMatch(row -> row.contains(FakeWooCommerceStore.SECRET)
                || row.contains(FakeWooCommerceStore.KEY));
        assertThat(accepted.body() + done).doesNotContain(FakeWooCommerceStore.SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void providerFailuresLeaveNoCollection(String kind) throws Exception {
        FakeShopifyStore shop = new FakeShopifyStore(600);
        provider.setDispatcher(shop);
        Wiring.RunningServer server = start(kind, fetchers(), Map.of("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "true"));
        Map<String, Integer> expected = new HashMap<>();

        HttpResponse<String> rejected = send(server, "POST", IMPORT + "shopify", shopifyBody("shpat_wrong-token"));
        expected.put("bad credentials", rejected.statusCode());
        shop.always(FakeShopifyStore.json(503, "{\"errors\":\"Service Unavailable\"}"));
        HttpResponse<String> unavailable = send(server, "POST", IMPORT + "shopify",
                shopifyBody(FakeShopifyStore.TOKEN));
        expected.put("failing past the retries", unavailable.statusCode());
        shop.always(FakeShopifyStore.json(200, "{}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
        HttpResponse<String> slow = send(server, "POST", IMPORT + "shopify", shopifyBody(FakeShopifyStore.TOKEN));
        expected.put("too slow", slow.statusCode());

        assertThat(expected).containsExactlyInAnyOrderEntriesOf(Map.of("bad credentials", 400,
                "failing past the retries", 502, "too slow", 504));
        assertThat(JSON.readTree(rejected.body()).get("error").asText()).startsWith("shopify: ");
        for (HttpResponse<String> answer : new HttpResponse[] {rejected, unavailable, slow}) {
            assertThat(answer.body()).doesNotContain("shpat_");
        }
        assertThat(database.count("SELECT COUNT(*) FROM collections")).isZero();
        assertThat(database.count("SELECT COUNT(*) FROM products")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aGoogleMerchantCatalogIsImportedPageTokenAfterPageToken(String kind) throws Exception {
        String token = "ya29.a0AfB_e2e-secret";
        provider.enqueue(json(200, "{\"products\":[" + googleProduct("M1", "12500000") + ","
                + googleProduct("M2", "9990000") + "],\"nextPageToken\":\"t+2\"}"));
        provider.enqueue(json(503, "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
                + "\"status\":\"UNAVAILABLE\"}}"));
        provider.enqueue(json(200, "{\"products\":[" + googleProduct("M3", "1.5") + ","
                + googleProduct("M4", "4000000") + "]}"));
        Wiring.RunningServer server = start(kind, fetchers(), Map.of("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "true"));

        JsonNode answer = ok(send(server, "POST", IMPORT + "google-merchant",
                "{\"merchant_id\":\"1234567\",\"access_token\":\"" + token + "\"}"));

        assertThat(answer.get("name").asText()).startsWith("google-merchant_collection_");
        assertThat(answer.get("product_count").asLong()).isEqualTo(3);
        assertThat(answer.get("skipped_count").asLong()).as("M3's price is not in micros").isEqualTo(1);
        JsonNode mug = member(server, answer.get("id").asText(), "M1");
        assertThat(mug.get("price").asText()).isEqualTo("12.50");
        assertThat(mug.get("currency").asText()).isEqualTo("EUR");
        assertThat(mug.get("brand").asText()).isEqualTo("Acme");
        assertThat(mug.at("/source/provider").asText()).isEqualTo("google-merchant");
        assertThat(mug.at("/source/account").asText()).isEqualTo("1234567");
        RecordedRequest first = provider.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/products/v1/accounts/1234567/products");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        assertThat(database.allRows()).noneMatch(row -> row.contains(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAlgoliaIndexIsImportedWithItsAttributeMapping(String kind) throws Exception {
        String key = "6be0576ff61c053d5f9a3225e2a90f76";
        provider.enqueue(json(200, "{\"hits\":[{\"objectID\":\"a1\",\"label\":\"Lamp\",\"maker\":\"Lumen\","
                + "\"price\":49.9},{\"objectID\":\"a0\",\"price\":3}],\"cursor\":\"c2\",\"nbHits\":3,"
                + "\"page\":0,\"nbPages\":1,\"hitsPerPage\":1000}"));
        provider.enqueue(json(200, "{\"hits\":[{\"objectID\":\"a2\",\"label\":\"Desk\",\"price\":\"120\"}],"
                + "\"nbHits\":3,\"page\":0,\"nbPages\":1,\"hitsPerPage\":1000}"));
        Wiring.RunningServer server = start(kind, fetchers(), Map.of("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "true"));

        JsonNode answer = ok(send(server, "POST", IMPORT + "algolia", "{\"application_id\":\"LATENCY\","
                + "\"api_key\":\"" + key + "\",\"index_name\":\"products\",\"attribute_mapping\":"
                + "{\"name\":\"label\",\"brand\":\"maker\"}}"));

        assertThat(answer.get("product_count").asLong()).isEqualTo(2);
        assertThat(answer.get("skipped_count").asLong()).as("a0 has no label").isEqualTo(1);
        JsonNode lamp = member(server, answer.get("id").asText(), "a1");
        assertThat(lamp.get("name").asText()).isEqualTo("Lamp");
        assertThat(lamp.get("brand").asText()).isEqualTo("Lumen");
        assertThat(lamp.get("price").asText()).isEqualTo("49.90");
        assertThat(lamp.at("/source/account").asText()).isEqualTo("LATENCY/products");
        RecordedRequest first = provider.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/1/indexes/products/browse");
        assertThat(first.getHeaders().get("X-Algolia-API-Key")).isEqualTo(key);
        assertThat(provider.takeRequest().getBody().utf8()).isEqualTo("{\"cursor\":\"c2\"}");
        assertThat(database.allRows()).noneMatch(row -> row.contains(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void everyFieldTheImportEndpointLetsAlgoliaMapIsOneTheFetcherKnows(String kind) throws Exception {
        provider.enqueue(json(200, "{\"hits\":[{\"objectID\":\"a1\",\"n\":\"Lamp\"}],\"nbHits\":1}"));
        Wiring.RunningServer server = start(kind, fetchers(), Map.of("COLLECTIONS_ALLOW_PRIVATE_NETWORK", "true"));
        String mapping = "{\"name\":\"n\",\"product_type\":\"t\",\"product_category\":\"c\",\"brand\":\"b\","
                + "\"tags\":\"g\",\"price\":\"p\",\"currency\":\"cur\",\"image_urls\":\"i\",\"status\":\"s\","
                + "\"product_code\":\"sku\",\"product_id\":\"pid\"}";

        JsonNode answer = ok(send(server, "POST", IMPORT + "algolia", "{\"application_id\":\"LATENCY\","
                + "\"api_key\":\"k\",\"index_name\":\"products\",\"attribute_mapping\":" + mapping + "}"));

        assertThat(answer.get("product_count").asLong()).isEqualTo(1);
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
                + "{\"destinationStatuses\":[{\"reportingContext\":\"SHOPPING_ADS\",\"approvedCountries\":[\"DE\"]}]}}";
    }

    private JsonNode member(Wiring.RunningServer server, String collectionId, String externalId) {
        for (JsonNode product : ok(send(server, "GET", "/v1/collections/" + collectionId + "/products?limit=1000",
                null))) {
            if (product.at("/source/external_id").asText().equals(externalId)) {
                return product;
            }
        }
        throw new AssertionError("no member with external id " + externalId);
    }
}
