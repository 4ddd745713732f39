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
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
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
        assertThat(mug.at("/source/account").asText()).isEqualTo(baseUrl());
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
