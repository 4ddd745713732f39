package io.collections.adapter.providers.algolia;

import static io.collections.adapter.providers.algolia.AlgoliaWire.error;
import static io.collections.adapter.providers.algolia.AlgoliaWire.hit;
import static io.collections.adapter.providers.algolia.AlgoliaWire.ok;
import static io.collections.adapter.providers.algolia.AlgoliaWire.page;
import static io.collections.adapter.providers.algolia.AlgoliaWire.resource;
import static io.collections.adapter.providers.algolia.AlgoliaWire.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.adapter.providers.CatalogSources;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.adapter.providers.http.RetryPolicy;
import io.collections.adapter.providers.testing.CountingDispatcher;
import io.collections.adapter.providers.testing.FakeTime;
import io.collections.adapter.providers.testing.TestOutbound;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import io.collections.domain.catalog.AlgoliaAccount;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.product.ProductDetails;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

/** The Algolia browse fetcher against a fake speaking Algolia's wire format, faults included. */
class AlgoliaCatalogSourceTest {
    private static final String APP = "LATENCY";
    private static final String KEY = "6be0576ff61c053d5f9a3225e2a90f76";
    private static final AlgoliaAccount ACCOUNT = new AlgoliaAccount(APP, KEY, "prod_products", Map.of());
    /** A variant-level index of Algolia's Shopify app, whose product id attribute ({@code id}) the mapping names. */
    private static final AlgoliaAccount VARIANTS = new AlgoliaAccount(APP, KEY, "prod_products",
            Map.of("product_id", "id"));
    private static final String PATH = "/1/indexes/prod_products/browse";
    private static final String CURSOR_2 = "AkZpbHRlcnM9JmhpdHNQZXJQYWdlPTEwMDAmcGFnZT0x+/==";
    private static final String CURSOR_3 = "AkZpbHRlcnM9JmhpdHNQZXJQYWdlPTEwMDAmcGFnZT0y\"quoted\"";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final CountingDispatcher answered = new CountingDispatcher();
    private final FakeTime time = new FakeTime();
    private final List<CatalogPage> pages = new ArrayList<>();

    {
        server.setDispatcher(answered);
    }

    private AlgoliaCatalogSource source(ProviderSettings settings) {
        return new AlgoliaCatalogSource(TestOutbound.outbound(settings, time), settings);
    }

    private ProviderSettings settings() {
        return TestOutbound.settings().withAlgoliaBaseUrl(server.url("/"));
    }

    private FetchSummary fetch(AlgoliaAccount account) {
        return source(settings()).fetch(account, pages::add);
    }

    private FetchSummary fetch() {
        return fetch(ACCOUNT);
    }

    private List<ProductDetails> products() {
        return pages.stream().flatMap(p -> p.products().stream()).toList();
    }

    private static List<String> hits(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> hit("obj-" + i, (i % 90) + ".99")).toList();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the fake").isNotNull();
        return request;
    }

    private void refusedWith(Reason reason, ThrowingConsumer<String> message) {
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.provider()).isEqualTo("algolia");
            assertThat(e.getMessage()).doesNotContain(KEY);
            message.accept(e.getMessage());
        });
    }

    /** Three pages of 1,000, 1,000 and 250 hits; the last has no cursor. */
    private void enqueueThreePages() {
        server.enqueue(ok(page(hits(0, 1000), CURSOR_2, 0, 2250)));
        server.enqueue(ok(page(hits(1000, 1000), CURSOR_3, 0, 2250)));
        server.enqueue(ok(page(hits(2000, 250), null, 0, 2250)));
    }

    @Test
    void fetchesEveryPageCompletelyAndOnce() {
        enqueueThreePages();

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(2250);
        assertThat(products()).extracting(p -> p.source().externalId()).doesNotHaveDuplicates()
                .contains("obj-0", "obj-999", "obj-1000", "obj-2249");
        assertThat(products()).allSatisfy(p -> {
            assertThat(p.source().createdAt()).isNull();
            assertThat(p.source().updatedAt()).isEqualTo(Instant.parse("2024-10-27T03:33:20Z"));
        });
        assertThat(summary.fetched()).isEqualTo(2250);
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(summary.retries()).isZero();
        assertThat(answered.requests()).isEqualTo(3);
    }

    @Test
    void sendsHitsPerPageFirstThenTheCursorAloneInTheBodyWithTheKeyInHeaders() throws InterruptedException {
        enqueueThreePages();

        fetch();

        RecordedRequest first = take();
        assertThat(first.getMethod()).isEqualTo("POST");
        assertThat(first.getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(first.getUrl().query()).isNull();
        assertThat(first.getBody().utf8()).isEqualTo("{\"hitsPerPage\":1000}");
        assertThat(first.getHeaders().get("X-Algolia-Application-Id")).isEqualTo(APP);
        assertThat(first.getHeaders().get("X-Algolia-API-Key")).isEqualTo(KEY);
        assertThat(first.getHeaders().get("Content-Type")).startsWith("application/json");
        RecordedRequest second = take();
        assertThat(second.getBody().utf8()).isEqualTo("{\"cursor\":\"" + CURSOR_2 + "\"}");
        assertThat(second.getUrl().query()).isNull();
        assertThat(second.getHeaders().get("X-Algolia-API-Key")).isEqualTo(KEY);
        RecordedRequest third = take();
        assertThat(third.getBody().utf8())
                .isEqualTo("{\"cursor\":\"AkZpbHRlcnM9JmhpdHNQZXJQYWdlPTEwMDAmcGFnZT0y\\\"quoted\\\"\"}");
    }

    @Test
    void theExternalIdIsTheObjectIdEvenWhenRecordsShareAnId() {
        server.enqueue(ok(page(List.of("{\"objectID\":\"rec-1\",\"id\":5,\"name\":\"Lamp\",\"price\":20}",
                "{\"objectID\":\"rec-2\",\"id\":5,\"name\":\"Shade\",\"price\":8}"), CURSOR_2, 0, 3)));
        server.enqueue(ok(page(List.of("{\"objectID\":\"rec-3\",\"id\":5,\"name\":\"Bulb\"}"), null, 0, 3)));

        FetchSummary summary = fetch();

        assertThat(products()).extracting(p -> p.source().externalId()).containsExactly("rec-1", "rec-2", "rec-3");
        assertThat(products()).extracting(ProductDetails::name).containsExactly("Lamp", "Shade", "Bulb");
        assertThat(summary.fetched()).isEqualTo(3);
        assertThat(summary.skipped()).isZero();
    }

    @Test
    void groupsVariantRecordsIntoProductsAcrossPageBoundaries() {
        server.enqueue(ok(page(List.of(variant("901", 70, "20.00"), variant("902", 70, "18.50"),
                variant("911", 71, "9")), CURSOR_2, 0, 6)));
        server.enqueue(ok(page(List.of(variant("912", 71, "7.25"), variant("921", 72, "30")), CURSOR_3, 0, 6)));
        server.enqueue(ok(page(List.of(variant("922", 72, "29.99")), null, 0, 6)));

        FetchSummary summary = fetch(VARIANTS);

        assertThat(products()).extracting(p -> p.source().externalId()).containsExactly("70", "71", "72");
        assertThat(products()).extracting(p -> p.price().toPlainString()).containsExactly("18.50", "7.25", "29.99");
        assertThat(products().get(1).imageUrls()).containsExactly("https://cdn.shopify.com/911.jpg",
                "https://cdn.shopify.com/p71.jpg", "https://cdn.shopify.com/912.jpg");
        assertThat(summary.fetched()).isEqualTo(3);
        assertThat(summary.skipped()).isZero();
    }

    @Test
    void aVariantLevelIndexOfThreeFullPagesGivesEachProductOnceWithItsCheapestVariant() {
        List<String> records = IntStream.range(0, 3000)
                .mapToObj(i -> variant("v" + i, 5000 + i / 3, (10 + 3 - i % 3) + ".50")).toList();
        server.enqueue(ok(page(records.subList(0, 1000), CURSOR_2, 0, 3000)));
        server.enqueue(ok(page(records.subList(1000, 2000), CURSOR_3, 0, 3000)));
        server.enqueue(ok(page(records.subList(2000, 3000), null, 0, 3000)));

        FetchSummary summary = fetch(VARIANTS);

        assertThat(products()).extracting(p -> p.source().externalId()).hasSize(1000).doesNotHaveDuplicates();
        assertThat(products()).allSatisfy(p -> assertThat(p.price().toPlainString()).isEqualTo("11.50"));
        ProductDetails straddling = products().stream().filter(p -> p.source().externalId().equals("5333"))
                .findFirst().orElseThrow();
        assertThat(straddling.imageUrls()).contains("https://cdn.shopify.com/v999.jpg",
                "https://cdn.shopify.com/v1001.jpg");
        assertThat(straddling.source().createdAt()).isEqualTo(Instant.parse("2024-03-02T10:15:30Z"));
        assertThat(straddling.source().updatedAt()).isEqualTo(Instant.parse("2024-11-20T08:00:00Z"));
        assertThat(summary.skipped()).isZero();
        assertThat(summary.pages()).isEqualTo(3);
    }

    @Test
    void anAttributeMappingFromTheAccountIsApplied() {
        server.enqueue(ok(page(List.of("{\"objectID\":\"k1\",\"label\":\"Kettle\",\"cost\":{\"EUR\":35.5},"
                + "\"maker\":\"Steam\"}"), null, 0, 1)));
        AlgoliaAccount mapped = new AlgoliaAccount(APP, KEY, "prod_products",
                Map.of("name", "label", "price", "cost.EUR", "brand", "maker"));

        fetch(mapped);

        ProductDetails kettle = products().get(0);
        assertThat(kettle.name()).isEqualTo("Kettle");
        assertThat(kettle.price().toPlainString()).isEqualTo("35.50");
        assertThat(kettle.brand()).isEqualTo("Steam");
        assertThat(kettle.source().account()).isEqualTo("LATENCY/prod_products");
    }

    @Test
    void anUnknownMappingFieldIsABadRequestBeforeAnyRequest() {
        AlgoliaAccount mapped = new AlgoliaAccount(APP, KEY, "prod_products", Map.of("colour", "color"));

        assertThatThrownBy(() -> fetch(mapped)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
            assertThat(e.getMessage()).contains("unknown field 'colour'");
        });
        assertThat(answered.requests()).isZero();
    }

    @Test
    void mapsTheRealisticRecordThroughTheWholeFetch() {
        server.enqueue(ok(page(List.of(resource("product-level-hit.json")), null, 0, 1)));

        fetch();

        ProductDetails lamp = products().get(0);
        assertThat(lamp.source().externalId()).isEqualTo("lamp-aurora");
        assertThat(lamp.name()).isEqualTo("Aurora desk lamp");
        assertThat(lamp.currency()).isEqualTo("EUR");
        assertThat(lamp.price().toPlainString()).isEqualTo("89.90");
        assertThat(lamp.status()).isEqualTo("draft");
        assertThat(lamp.source().createdAt()).isEqualTo(Instant.parse("2025-04-12T00:00:00Z"));
        assertThat(lamp.source().updatedAt()).isEqualTo(Instant.parse("2026-10-01T09:30:00Z"));
    }

    @Test
    void anInvalidKeyIsRejectedCredentialsWithoutRetry() {
        server.enqueue(error(403, "error-403-invalid-key.json"));

        refusedWith(Reason.CREDENTIALS_REJECTED,
                message -> assertThat(message).contains("Invalid Application-ID or API key"));
        assertThat(answered.requests()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aKeyWithoutTheBrowseAclSaysSo() {
        server.enqueue(error(403, "error-403-acl.json"));

        refusedWith(Reason.CREDENTIALS_REJECTED, message -> assertThat(message).contains("lacks the browse ACL"));
    }

    @Test
    void aMissingIndexIsNotFound() {
        server.enqueue(error(404, "error-404-index.json"));

        refusedWith(Reason.NOT_FOUND, message -> assertThat(message).contains("Index does not exist")
                .contains("Correlation-ID d84b8ff5-5b1a-4e7c-9a46-2c1e8bb7f3a1"));
        assertThat(answered.requests()).isEqualTo(1);
    }

    @Test
    void aRefusedCursorIsABadRequestNotRetried() {
        server.enqueue(ok(page(hits(0, 2), CURSOR_2, 0, 4)));
        server.enqueue(error(400, "error-400-cursor.json"));

        refusedWith(Reason.BAD_REQUEST, message -> assertThat(message).contains("you should pass cursor"));
        assertThat(answered.requests()).isEqualTo(2);
    }

    @Test
    void waitsForRetryAfterOnA429() {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 9)));
        server.enqueue(new MockResponse.Builder(error(429, "error-429.json")).setHeader("Retry-After", "3").build());
        server.enqueue(ok(page(hits(3, 3), CURSOR_3, 0, 9)));
        server.enqueue(ok(page(hits(6, 3), null, 0, 9)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(9);
        assertThat(summary.retries()).isEqualTo(1);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void backsOffOnA429WithoutRetryAfter() {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 9)));
        server.enqueue(error(429, "error-429.json"));
        server.enqueue(ok(page(hits(3, 3), CURSOR_3, 0, 9)));
        server.enqueue(ok(page(hits(6, 3), null, 0, 9)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(9);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void survivesA500ThenSuccessResendingTheSameCursor() throws InterruptedException {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 9)));
        server.enqueue(AlgoliaWire.json(500, "{\"message\":\"Internal Server Error\",\"status\":500}"));
        server.enqueue(ok(page(hits(3, 3), CURSOR_3, 0, 9)));
        server.enqueue(ok(page(hits(6, 3), null, 0, 9)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(9);
        assertThat(summary.retries()).isEqualTo(1);
        take();
        assertThat(take().getBody().utf8()).isEqualTo(take().getBody().utf8());
    }

    @Test
    void survivesA503WithAnHtmlBody() {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 9)));
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "text/html")
                .body(resource("error-503.html")).build());
        server.enqueue(ok(page(hits(3, 3), CURSOR_3, 0, 9)));
        server.enqueue(ok(page(hits(6, 3), null, 0, 9)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(9);
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void survivesADroppedConnection() {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 9)));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok(page(hits(3, 3), CURSOR_3, 0, 9)));
        server.enqueue(ok(page(hits(6, 3), null, 0, 9)));

        FetchSummary summary = fetch();

        assertThat(products()).extracting(p -> p.source().externalId()).hasSize(9).doesNotHaveDuplicates();
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void aBodyCutOffMidPageIsFetchedAgainWithoutDuplicates() {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 206)));
        server.enqueue(new MockResponse.Builder(ok(page(hits(3, 200), CURSOR_3, 0, 206)))
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(ok(page(hits(3, 200), CURSOR_3, 0, 206)));
        server.enqueue(ok(page(hits(203, 3), null, 0, 206)));

        FetchSummary summary = fetch();

        assertThat(products()).extracting(p -> p.source().externalId()).hasSize(206).doesNotHaveDuplicates();
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void aProviderThatKeepsFailingEndsUnavailableWithinTheRetryBudget() {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 9)));
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                    .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());
        }

        refusedWith(Reason.UNAVAILABLE, message -> assertThat(message).contains("kept failing after 6 attempts")
                .contains("text/html").doesNotContain("<h1>"));
        assertThat(answered.requests()).isEqualTo(1 + 6);
        assertThat(time.slept()).isLessThanOrEqualTo(TestOutbound.POLICY.maxTotalTime());
    }

    @Test
    void aProviderTooSlowToAnswerEndsTimedOut() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder(ok(page(hits(0, 1), null, 0, 1)))
                    .headersDelay(2, TimeUnit.SECONDS).build());
        }

        ProviderSettings impatient = settings().withTimeouts(TestOutbound.SHORT_TIMEOUTS);

        assertThatThrownBy(() -> source(impatient).fetch(ACCOUNT, pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
                    assertThat(e.getMessage()).contains("timed out");
                });
    }

    @Test
    void aRepeatedCursorEndsTheFetch() {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 9)));
        server.enqueue(ok(page(hits(3, 3), CURSOR_2, 0, 9)));
        server.enqueue(ok(page(hits(6, 3), null, 0, 9)));

        refusedWith(Reason.UNAVAILABLE, message -> assertThat(message).contains("cursor it had already returned"));
        assertThat(answered.requests()).isEqualTo(2);
    }

    @Test
    void aPageOfRecordsAlreadyFetchedEndsTheFetch() {
        server.enqueue(ok(page(hits(0, 3), CURSOR_2, 0, 9)));
        server.enqueue(ok(page(hits(0, 3), CURSOR_3, 0, 9)));
        server.enqueue(ok(page(hits(6, 3), null, 0, 9)));

        refusedWith(Reason.UNAVAILABLE, message -> assertThat(message).contains("all fetched before"));
    }

    @Test
    void thePageCapEndsAnEndlessIndex() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok(page(hits(i * 3, 3), "cursor-" + i, 0, 999)));
        }

        assertThatThrownBy(() -> source(settings().withPageCap(3)).fetch(ACCOUNT, pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("more than 3 pages");
                });
        assertThat(answered.requests()).isEqualTo(3);
    }

    @Test
    void anAnswerWithoutHitsIsUnusable() {
        server.enqueue(ok("{\"nbHits\":0,\"page\":0}"));

        refusedWith(Reason.UNAVAILABLE, message -> assertThat(message).contains("no hits array"));
        assertThat(answered.requests()).isEqualTo(1);
    }

    @Test
    void invalidRecordsAreSkippedAndCountedByReason() {
        List<String> mixed = new ArrayList<>(hits(0, 2));
        mixed.add("{\"name\":\"No object id\"}");
        mixed.add("{\"objectID\":\"n1\",\"description\":\"no name\"}");
        mixed.add("{\"objectID\":\"p1\",\"name\":\"Bad\",\"price\":\"12,50\"}");
        mixed.add("{\"objectID\":\"p2\",\"name\":\"Bad\",\"price\":-1}");
        mixed.add("{\"objectID\":\"c1\",\"name\":\"Cur\",\"price\":1,\"currency\":\"euros\"}");
        server.enqueue(ok(page(mixed, CURSOR_2, 0, 9)));
        server.enqueue(ok(page(hits(2, 2), null, 0, 9)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(4);
        assertThat(summary.fetched()).isEqualTo(9);
        assertThat(summary.skippedByReason()).isEqualTo(Map.of("missing external id", 1L, "missing name", 1L,
                "unparsable price", 2L, "invalid currency", 1L));
    }

    @Test
    void theBaseUrlOverrideReplacesOnlySchemeHostAndPort() throws InterruptedException {
        server.enqueue(ok(page(hits(0, 1), null, 0, 1)));
        ProviderSettings settings = TestOutbound.settings().withAlgoliaBaseUrl(server.url("/ignored/prefix/"));

        source(settings).fetch(ACCOUNT, pages::add);

        assertThat(take().getUrl().encodedPath()).isEqualTo(PATH);
    }

    @Test
    void anIndexNameIsOnePathSegmentWhateverItHolds() throws InterruptedException {
        server.enqueue(ok(page(hits(0, 1), null, 0, 1)));

        fetch(new AlgoliaAccount(APP, KEY, "shop/de products", Map.of()));

        assertThat(take().getUrl().encodedPath()).isEqualTo("/1/indexes/shop%2Fde%20products/browse");
    }

    @Test
    void anApplicationIdThatCouldChangeTheHostIsRefusedBeforeAnyRequest() {
        for (String applicationId : List.of("evil.example.com#", "app/../x", "a b")) {
            assertThatThrownBy(() -> fetch(new AlgoliaAccount(applicationId, KEY, "products", Map.of())))
                    .isInstanceOfSatisfying(CatalogFetchException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST));
        }
        assertThat(answered.requests()).isZero();
    }

    @Test
    void aKeyThatCannotBeAHeaderIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> fetch(new AlgoliaAccount(APP, "abc\r\nX-Evil: 1", "products", Map.of())))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                    assertThat(e.getMessage()).doesNotContain("X-Evil");
                });
        assertThat(answered.requests()).isZero();
    }

    @Test
    void withoutAnOverrideTheApplicationsOwnDsnHostIsAddressed() {
        ProviderSettings settings = TestOutbound.settings().withRetryPolicy(
                new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofMillis(1),
                        Duration.ofMillis(1)));
        FakeTime clock = new FakeTime();
        List<String> hosts = new ArrayList<>();
        Dns recording = hostname -> {
            hosts.add(hostname);
            throw new UnknownHostException(hostname);
        };
        OutboundHttp outbound = new OutboundHttp(true, settings.timeouts(), settings.retryPolicy(), recording, clock,
                clock, () -> 1.0);

        assertThatThrownBy(() -> new AlgoliaCatalogSource(outbound, settings).fetch(ACCOUNT, pages::add))
                .isInstanceOf(CatalogFetchException.class);
        assertThat(hosts).containsExactly("latency-dsn.algolia.net");
    }

    @Test
    void theFactoryOfAllSourcesServesThisProvider() {
        server.enqueue(ok(page(hits(0, 1), null, 0, 1)));
        ProviderSettings settings = settings();
        CatalogSource source = new CatalogSources(settings, TestOutbound.outbound(settings, time))
                .forProvider(Provider.ALGOLIA).orElseThrow();

        source.fetch(ACCOUNT, pages::add);

        assertThat(source).isInstanceOf(AlgoliaCatalogSource.class);
        assertThat(source.provider()).isEqualTo(Provider.ALGOLIA);
        assertThat(products()).hasSize(1);
    }

    @Test
    void anEmptyIndexIsOnePageAndNoProducts() {
        server.enqueue(ok(page(List.of(), null, 0, 0)));

        FetchSummary summary = fetch();

        assertThat(pages).isEmpty();
        assertThat(summary.fetched()).isZero();
        assertThat(summary.pages()).isEqualTo(1);
    }

    @Test
    void aKeyEchoedInAnErrorBodyNeverReachesTheMessage() {
        server.enqueue(AlgoliaWire.json(403, "{\"message\":\"Invalid API key " + KEY + "\",\"status\":403}"));

        refusedWith(Reason.CREDENTIALS_REJECTED, message -> assertThat(message).contains("Invalid API key ***"));
    }
}
