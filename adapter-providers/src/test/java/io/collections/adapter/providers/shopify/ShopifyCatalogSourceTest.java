package io.collections.adapter.providers.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.adapter.providers.testing.FakeTime;
import io.collections.adapter.providers.testing.TestOutbound;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.ShopifyAccount;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;

class ShopifyCatalogSourceTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final ProviderSettings settings = TestOutbound.settings();
    private final OutboundHttp outbound = TestOutbound.outbound(settings, time);
    private final ShopifyCatalogSource source = new ShopifyCatalogSource(outbound, settings);
    private final List<CatalogPage> pages = new ArrayList<>();

    private String shop() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    private FetchSummary fetch(FakeShopify fake) {
        server.setDispatcher(fake);
        return source.fetch(new ShopifyAccount(shop(), FakeShopify.TOKEN), pages::add);
    }

    private List<String> externalIds() {
        return pages.stream().flatMap(p -> p.products().stream()).map(p -> p.source().externalId()).toList();
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            requests.add(server.takeRequest());
        }
        return requests;
    }

    private static List<String> expectedIds(int count) {
        return IntStream.rangeClosed(8001, 8000 + count).mapToObj(Integer::toString).toList();
    }

    @Test
    void fetches_three_pages_completely_and_exactly_once() throws Exception {
        FetchSummary summary = fetch(new FakeShopify(FakeShopify.catalog(620)));

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(620));
        assertThat(pages).extracting(CatalogPage::read).containsExactly(250, 250, 120);
        assertThat(summary.fetched()).isEqualTo(620);
        assertThat(summary.skipped()).isZero();
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(summary.retries()).isZero();
    }

    @Test
    void sends_the_pinned_version_the_token_header_250_a_page_and_the_end_cursors() throws Exception {
        fetch(new FakeShopify(FakeShopify.catalog(620)));

        List<RecordedRequest> requests = requests();
        assertThat(requests).hasSize(3).allSatisfy(request -> {
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/admin/api/2025-10/graphql.json");
            assertThat(request.getUrl().query()).isNull();
            assertThat(request.getHeaders().get("X-Shopify-Access-Token")).isEqualTo(FakeShopify.TOKEN);
            assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
            JsonNode body = FakeShopify.read(request);
            assertThat(body.path("query").asText()).contains("products(first: $first, after: $after, sortKey: ID)")
                    .contains("shop { currencyCode }").contains("legacyResourceId").contains(" createdAt updatedAt");
            assertThat(body.path("variables").path("first").asInt()).isEqualTo(250);
        });
        List<JsonNode> afters = requests.stream().map(r -> FakeShopify.read(r).path("variables").path("after"))
                .toList();
        assertThat(afters.get(0).isNull()).isTrue();
        assertThat(afters.get(1).asText()).isNotEqualTo(afters.get(2).asText()).isNotBlank();
    }

    @Test
    void maps_every_field_of_a_realistic_product() {
        ObjectNode full = FakeShopify.product(632910392, "IPod Nano - 8GB", "199.00");
        ObjectNode unlisted = FakeShopify.product(632910393, "Hidden mug", "9.5");
        unlisted.put("status", "UNLISTED");
        ObjectNode draft = FakeShopify.product(632910394, "Draft mug", "10.00");
        draft.put("status", "DRAFT");
        draft.putNull("publishedAt");
        draft.remove("legacyResourceId");
        draft.remove("category");
        ((ObjectNode) draft.path("priceRangeV2").path("minVariantPrice")).remove("currencyCode");
        ObjectNode archived = FakeShopify.product(632910395, "Old mug", "1.10");
        archived.put("status", "ARCHIVED");
        archived.put("productType", "");
        archived.putNull("category");
        archived.putArray("tags");
        archived.putObject("media").putArray("nodes");
        archived.putObject("variants").putArray("nodes");
        unlisted.put("updatedAt", "2024-02-29T23:59:59.125Z");
        draft.remove("createdAt");
        draft.putNull("updatedAt");
        archived.put("createdAt", "last Tuesday");
        archived.put("updatedAt", "2024-01-07T13:30:00+01:00");

        fetch(new FakeShopify(List.of(full, unlisted, draft, archived)));

        List<ProductDetails> products = pages.get(0).products();
        assertThat(products).hasSize(4);
        ProductDetails ipod = products.get(0);
        assertThat(ipod.name()).isEqualTo("IPod Nano - 8GB");
        assertThat(ipod.productType()).isEqualTo("Mugs");
        assertThat(ipod.productCategory())
                .isEqualTo("Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs");
        assertThat(ipod.brand()).isEqualTo("Acme Ceramics");
        assertThat(ipod.tags()).containsExactly("kitchen", "gift");
        assertThat(ipod.price()).isEqualTo(new BigDecimal("199.00"));
        assertThat(ipod.currency()).isEqualTo("EUR");
        assertThat(ipod.hasPricing()).isTrue();
        assertThat(ipod.imageUrls()).containsExactly("https://cdn.shopify.com/s/files/1/0001/632910392-a.jpg",
                "https://cdn.shopify.com/s/files/1/0001/632910392-b.jpg");
        assertThat(ipod.productCode()).isEqualTo("MUG-632910392");
        assertThat(ipod.status()).isEqualTo("active");
        assertThat(ipod.published()).isTrue();
        // The account is the shop's host and port, without the scheme (decision 0112).
        assertThat(ipod.source()).isEqualTo(new ProductSource("shopify",
                server.getHostName() + ":" + server.getPort(), "632910392",
                Instant.parse("2023-11-20T08:30:00Z"), Instant.parse("2024-01-07T12:30:00Z")));

        assertThat(products.get(1).status()).isEqualTo("active");
        assertThat(products.get(1).published()).as("unlisted is hidden from the store").isFalse();
        assertThat(products.get(1).price()).isEqualTo(new BigDecimal("9.5"));
        assertThat(products.get(1).source().updatedAt()).isEqualTo(Instant.parse("2024-02-29T23:59:59.125Z"));

        ProductDetails draftMug = products.get(2);
        assertThat(draftMug.source().externalId()).as("from the GID").isEqualTo("632910394");
        assertThat(draftMug.status()).isEqualTo("draft");
        assertThat(draftMug.published()).isFalse();
        assertThat(draftMug.productCategory()).as("the type when there is no taxonomy category").isEqualTo("Mugs");
        assertThat(draftMug.currency()).as("the shop's currency").isEqualTo("EUR");
        assertThat(draftMug.source().createdAt()).as("absent").isNull();
        assertThat(draftMug.source().updatedAt()).as("null").isNull();

        ProductDetails old = products.get(3);
        assertThat(old.status()).isEqualTo("archived");
        assertThat(old.productType()).isNull();
        assertThat(old.productCategory()).isNull();
        assertThat(old.tags()).isEmpty();
        assertThat(old.imageUrls()).isEmpty();
        assertThat(old.productCode()).isNull();
        assertThat(old.source().createdAt()).as("unparsable, yet the product is kept").isNull();
        assertThat(old.source().updatedAt()).as("an offset other than Z").isEqualTo(Instant.parse("2024-01-07T12:30:00Z"));
        assertThat(pages.get(0).skipped()).isEmpty();
    }

    @Test
    void skips_products_without_id_name_or_a_parsable_price_and_counts_them() {
        ObjectNode noId = FakeShopify.product(1, "No id", "1.00");
        noId.remove("legacyResourceId");
        noId.remove("id");
        ObjectNode noName = FakeShopify.product(2, " ", "1.00");
        ObjectNode badPrice = FakeShopify.product(3, "Bad price", "twelve");
        ObjectNode badCurrency = FakeShopify.product(4, "Bad currency", "1.00");
        ((ObjectNode) badCurrency.path("priceRangeV2").path("minVariantPrice")).put("currencyCode", "XX");
        List<ObjectNode> catalog = new ArrayList<>(FakeShopify.catalog(3));
        catalog.addAll(List.of(noId, noName, badPrice, badCurrency));

        FetchSummary summary = fetch(new FakeShopify(catalog));

        assertThat(externalIds()).containsExactly("8001", "8002", "8003");
        assertThat(pages.get(0).skipped()).containsExactly(new SkippedProduct(null, "missing external id"),
                new SkippedProduct("2", "missing name"), new SkippedProduct("3", "unparsable price"),
                new SkippedProduct("4", "invalid currency"));
        assertThat(summary.fetched()).isEqualTo(7);
        assertThat(summary.skipped()).isEqualTo(4);
        assertThat(summary.skippedByReason()).isEqualTo(Map.of("missing external id", 1L, "missing name", 1L,
                "unparsable price", 1L, "invalid currency", 1L));
    }

    @Test
    void a_pasted_token_is_stripped_and_one_a_header_cannot_carry_is_refused_without_showing_it() {
        server.setDispatcher(new FakeShopify(FakeShopify.catalog(3)));

        source.fetch(new ShopifyAccount(shop(), " " + FakeShopify.TOKEN + "\n"), pages::add);
        assertThat(externalIds()).hasSize(3);
        for (String token : new String[] {"shpat_SECRET123\nmore", "shpat_SECRET123\u2026", "shpat_SECRET 123"}) {
            assertThatThrownBy(() -> source.fetch(new ShopifyAccount(shop(), token), pages::add)).as(token)
                    .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                        assertThat(e.getMessage()).contains("access_token holds characters that cannot be sent")
                                .doesNotContain("SECRET");
                    });
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void bad_credentials_are_rejected_without_retry_and_without_the_token_in_the_message() {
        server.setDispatcher(new FakeShopify(FakeShopify.catalog(3)));

        assertThatThrownBy(() -> source.fetch(new ShopifyAccount(shop(), "shpat_wrong_token"), pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED);
                    assertThat(e.getMessage()).contains("HTTP 401: [API] Invalid API key or access token")
                            .doesNotContain("shpat_wrong_token");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(pages).isEmpty();
    }

    @Test
    void a_token_without_read_products_is_rejected() {
        server.setDispatcher(new FakeShopify(List.of()).fault(FakeShopify.json(200, "{\"errors\":[{\"message\":"
                + "\"Access denied for products field. Required access: `read_products` access scope.\","
                + "\"extensions\":{\"code\":\"ACCESS_DENIED\"}}],\"data\":null}")));

        assertThatThrownBy(() -> source.fetch(new ShopifyAccount(shop(), FakeShopify.TOKEN), pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED);
                    assertThat(e.getMessage()).contains("read_products");
                });
    }

    @Test
    void an_unknown_shop_is_not_found() {
        server.setDispatcher(new FakeShopify(List.of()).fault(FakeShopify.json(404, "{\"errors\":\"Not Found\"}")));

        assertThatThrownBy(() -> source.fetch(new ShopifyAccount(shop(), FakeShopify.TOKEN), pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void survives_429_throttled_500_html_503_and_a_dropped_connection_with_a_complete_result() throws Exception {
        FakeShopify fake = new FakeShopify(FakeShopify.catalog(620))
                .fault(new MockResponse.Builder().code(429).addHeader("Retry-After", "2.0")
                        .body("{\"errors\":\"Exceeded 2 calls per second for api client. Reduce request rates to"
                                + " resume uninterrupted service.\"}").build())
                .fault(FakeShopify.throttled())
                .fault(FakeShopify.json(500, "{\"errors\":\"Internal Server Error\"}"))
                .fault(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html")
                        .body("<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>").build())
                .fault(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        FetchSummary summary = fetch(fake);

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(620));
        assertThat(summary.retries()).isEqualTo(5);
        assertThat(summary.pages()).isEqualTo(4);
        assertThat(requests()).extracting(r -> FakeShopify.read(r).path("variables").path("first").asInt())
                .as("rate limits keep the size; each 5xx or dropped connection halves it; the next page is full")
                .containsExactly(250, 250, 250, 125, 62, 31, 250, 250, 250);
        assertThat(pages).extracting(CatalogPage::read).containsExactly(31, 250, 250, 89);
        assertThat(time.sleeps()).containsExactly(
                Duration.ofSeconds(2),                       // Retry-After: 2.0
                Duration.ofSeconds(2),                       // (752 requested - 552 available) / 100 restore rate
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8)); // backoff, capped at 8 s
    }

    @Test
    void a_throttled_answer_sent_as_429_waits_the_throttle_deficit_too() {
        MockResponse throttled = FakeShopify.throttled();
        FakeShopify fake = new FakeShopify(FakeShopify.catalog(300))
                .fault(throttled.newBuilder().code(429).build());

        FetchSummary summary = fetch(fake);

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(300));
        assertThat(summary.retries()).isEqualTo(1);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void a_throttle_with_enough_points_available_backs_off_instead_of_retrying_at_once() {
        MockResponse throttled = FakeShopify.json(200, "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":"
                + "{\"code\":\"THROTTLED\",\"documentation\":\"https://shopify.dev/api/usage/rate-limits\"}}],"
                + "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":null,\"throttleStatus\":"
                + "{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1500.0,\"restoreRate\":100.0}}}}");
        FakeShopify fake = new FakeShopify(FakeShopify.catalog(10)).fault(throttled).fault(throttled);

        FetchSummary summary = fetch(fake);

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(10));
        assertThat(summary.retries()).isEqualTo(2);
        assertThat(time.sleeps()).as("the regular backoff: 1 s, then 2 s").containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void a_shop_that_keeps_failing_ends_unavailable_within_the_retry_budget() {
        FakeShopify fake = new FakeShopify(FakeShopify.catalog(10));
        for (int i = 0; i < 20; i++) {
            fake.fault(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html")
                    .body("<html>upstream connect error</html>").build());
        }

        assertThatThrownBy(() -> fetch(fake)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).startsWith("shopify: kept failing after 6 attempts")
                    .contains("HTTP 503 (text/html body)");
        });
        assertThat(server.getRequestCount()).isEqualTo(settings.retryPolicy().maxAttempts());
        assertThat(time.slept()).isLessThanOrEqualTo(settings.retryPolicy().maxTotalTime());
    }

    @Test
    void an_internal_server_error_inside_a_200_is_retried_and_the_fetch_completes() {
        FakeShopify fake = new FakeShopify(FakeShopify.catalog(10)).fault(FakeShopify.json(200, "{\"errors\":[{"
                + "\"message\":\"Internal error. Looks like something went wrong on our end.\",\"extensions\":"
                + "{\"code\":\"INTERNAL_SERVER_ERROR\",\"requestId\":\"1b355a21-7117-44c5-8d8b-8948082f40a8\"}}]}"));

        FetchSummary summary = fetch(fake);

        assertThat(externalIds()).hasSize(10);
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void another_graphql_error_inside_a_200_refuses_the_import_without_retry() {
        FakeShopify fake = new FakeShopify(FakeShopify.catalog(10)).fault(FakeShopify.json(200, "{\"errors\":[{"
                + "\"message\":\"The page size requested (300) exceeds the maximum of 250.\",\"locations\":"
                + "[{\"line\":2,\"column\":3}],\"extensions\":{\"code\":\"MAX_PAGE_SIZE_EXCEEDED\"}}]}"));

        assertThatThrownBy(() -> fetch(fake)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
            assertThat(e.getMessage()).contains("Shopify refused the products query: The page size requested");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_throttle_that_never_lifts_ends_unavailable() {
        FakeShopify fake = new FakeShopify(FakeShopify.catalog(10));
        for (int i = 0; i < 20; i++) {
            fake.fault(FakeShopify.throttled());
        }

        assertThatThrownBy(() -> fetch(fake)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains("THROTTLED");
        });
        assertThat(time.slept()).isLessThanOrEqualTo(settings.retryPolicy().maxTotalTime());
    }

    @Test
    void a_repeated_cursor_ends_the_fetch_with_an_error() {
        assertThatThrownBy(() -> fetch(new FakeShopify(FakeShopify.catalog(900)).repeatingCursor()))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cursor it had already returned");
                });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a_query_over_the_cost_limit_is_asked_again_with_fewer_products_a_page() throws Exception {
        FetchSummary summary = fetch(new FakeShopify(FakeShopify.catalog(300)).costLimitAt(90));

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(300));
        List<Integer> firsts = requests().stream()
                .map(r -> FakeShopify.read(r).path("variables").path("first").asInt()).toList();
        assertThat(firsts.get(0)).isEqualTo(250);
        assertThat(firsts.get(1)).isLessThanOrEqualTo(90).isGreaterThan(60);
        assertThat(firsts.subList(1, firsts.size())).allSatisfy(first -> assertThat(first).isEqualTo(firsts.get(1)));
        assertThat(summary.retries()).isZero();
    }

    @Test
    void refuses_unsafe_shops_and_names_resolving_to_unsafe_addresses_before_any_request() {
        Map<String, String> zone = Map.of("rebind.myshopify.com", "127.0.0.1", "intranet.myshopify.com", "10.0.0.8",
                "metadata.myshopify.com", "169.254.169.254", "v6.myshopify.com", "::1");
        Dns resolver = hostname -> {
            if (!zone.containsKey(hostname)) {
                throw new UnknownHostException(hostname);
            }
            return List.of(InetAddress.getByName(zone.get(hostname)));
        };
        ProviderSettings safe = settings.withAllowPrivateNetwork(false);
        ShopifyCatalogSource guarded = new ShopifyCatalogSource(new OutboundHttp(false, safe.timeouts(),
                safe.retryPolicy(), resolver, time, time, () -> 1.0), safe);
        assertThatThrownBy(() -> guarded.fetch(new ShopifyAccount(shop(), FakeShopify.TOKEN), pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("shopify: shop must be an https URL"));
        for (String shop : List.of("https://127.0.0.1:" + server.getPort(), "https://169.254.169.254",
                "https://[::1]:" + server.getPort(), "https://10.1.2.3", "https://localhost:" + server.getPort(),
                "rebind", "intranet.myshopify.com", "https://metadata.myshopify.com", "v6.myshopify.com")) {
            assertThatThrownBy(() -> guarded.fetch(new ShopifyAccount(shop, FakeShopify.TOKEN), pages::add))
                    .as(shop).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                        assertThat(e.getMessage()).contains("loopback, private, link-local or metadata");
                    });
        }
        assertThat(server.getRequestCount()).isZero();
        assertThat(time.sleeps()).isEmpty();
    }
}
