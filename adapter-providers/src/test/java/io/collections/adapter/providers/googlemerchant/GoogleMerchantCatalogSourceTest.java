package io.collections.adapter.providers.googlemerchant;

import static io.collections.adapter.providers.googlemerchant.GoogleMerchantWire.error;
import static io.collections.adapter.providers.googlemerchant.GoogleMerchantWire.ok;
import static io.collections.adapter.providers.googlemerchant.GoogleMerchantWire.page;
import static io.collections.adapter.providers.googlemerchant.GoogleMerchantWire.product;
import static io.collections.adapter.providers.googlemerchant.GoogleMerchantWire.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.adapter.providers.CatalogSources;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.testing.CountingDispatcher;
import io.collections.adapter.providers.testing.FakeTime;
import io.collections.adapter.providers.testing.TestOutbound;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.GoogleMerchantAccount;
import io.collections.domain.product.ProductDetails;
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
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

/** The Merchant API v1 fetcher against a fake speaking Google's wire format, faults included. */
class GoogleMerchantCatalogSourceTest {
    private static final String MERCHANT = "1234567";
    private static final String TOKEN = "ya29.a0AfB_byC-secret-token";
    private static final GoogleMerchantAccount ACCOUNT = new GoogleMerchantAccount(MERCHANT, TOKEN);
    private static final String PATH = "/products/v1/accounts/" + MERCHANT + "/products";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final CountingDispatcher answered = new CountingDispatcher();
    private final FakeTime time = new FakeTime();
    private final List<CatalogPage> pages = new ArrayList<>();

    {
        server.setDispatcher(answered);
    }

    private GoogleMerchantCatalogSource source(ProviderSettings settings) {
        return new GoogleMerchantCatalogSource(TestOutbound.outbound(settings, time), settings);
    }

    private ProviderSettings settings() {
        return TestOutbound.settings().withGoogleMerchantBaseUrl(server.url("/"));
    }

    private FetchSummary fetch() {
        return source(settings()).fetch(ACCOUNT, pages::add);
    }

    private List<ProductDetails> products() {
        return pages.stream().flatMap(p -> p.products().stream()).toList();
    }

    private static List<String> products(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> product(MERCHANT, "SKU-" + i, 1_000_000L + i))
                .toList();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the fake").isNotNull();
        return request;
    }

    private void refusedWith(Reason reason, ThrowingConsumer<String> message) {
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.provider()).isEqualTo("google-merchant");
            assertThat(e.getMessage()).doesNotContain(TOKEN);
            message.accept(e.getMessage());
        });
    }

    /** Three pages: 1,000, 1,000 and 37 products, the last without {@code nextPageToken}. */
    private void enqueueThreePages() {
        server.enqueue(ok(page(products(0, 1000), "CiAKGjBpNDd2Nm5hMTV+/bz0=")));
        server.enqueue(ok(page(products(1000, 1000), "token&page=3")));
        server.enqueue(ok(page(products(2000, 37), null)));
    }

    @Test
    void fetchesEveryPageCompletelyAndOnce() throws InterruptedException {
        enqueueThreePages();

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(2037);
        assertThat(products()).extracting(p -> p.source().externalId()).doesNotHaveDuplicates()
                .contains("SKU-0", "SKU-999", "SKU-1000", "SKU-2036");
        assertThat(products()).allSatisfy(p -> assertThat(p.source().updatedAt())
                .isEqualTo(Instant.parse("2026-11-01T10:00:00Z")));
        assertThat(pages).hasSize(3);
        assertThat(summary.fetched()).isEqualTo(2037);
        assertThat(summary.skipped()).isZero();
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(summary.retries()).isZero();
        assertThat(answered.requests()).isEqualTo(3);
    }

    @Test
    void sendsThePageSizeCapTheTokenVerbatimAndTheBearerToken() throws InterruptedException {
        enqueueThreePages();

        fetch();

        RecordedRequest first = take();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(first.getUrl().queryParameterNames()).containsExactly("pageSize");
        assertThat(first.getUrl().queryParameter("pageSize")).isEqualTo("1000");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(first.getUrl().toString()).doesNotContain(TOKEN);
        RecordedRequest second = take();
        assertThat(second.getUrl().queryParameter("pageSize")).isEqualTo("1000");
        assertThat(second.getUrl().queryParameter("pageToken")).isEqualTo("CiAKGjBpNDd2Nm5hMTV+/bz0=");
        assertThat(second.getUrl().encodedQuery()).contains("pageToken=CiAKGjBpNDd2Nm5hMTV%2B%2Fbz0%3D");
        RecordedRequest third = take();
        assertThat(third.getUrl().queryParameter("pageToken")).isEqualTo("token&page=3");
        assertThat(third.getUrl().queryParameterNames()).containsExactlyInAnyOrder("pageSize", "pageToken");
    }

    @Test
    void mapsTheRealisticProductThroughTheWholeFetch() {
        server.enqueue(ok(page(List.of(resource("product-full.json")), null)));

        fetch();

        ProductDetails product = products().get(0);
        assertThat(product.source().provider()).isEqualTo("google-merchant");
        assertThat(product.source().account()).isEqualTo(MERCHANT);
        assertThat(product.source().externalId()).isEqualTo("SKU-RUN-42");
        assertThat(product.source().createdAt()).as("productStatus.creationDate")
                .isEqualTo(Instant.parse("2026-03-02T10:15:30Z"));
        assertThat(product.source().updatedAt()).as("productStatus.lastUpdateDate")
                .isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(product.name()).isEqualTo("Trail Runner 42");
        assertThat(product.brand()).isEqualTo("Acme Outdoor");
        assertThat(product.productType()).isEqualTo("Trail");
        assertThat(product.productCategory()).isEqualTo("Apparel & Accessories > Shoes");
        assertThat(product.tags()).containsExactly("summer", "bestseller");
        assertThat(product.price().toPlainString()).isEqualTo("129.99");
        assertThat(product.currency()).isEqualTo("USD");
        assertThat(product.imageUrls()).hasSize(3);
        assertThat(product.status()).isEqualTo("active");
        assertThat(product.published()).isTrue();
        assertThat(product.hasDetails()).isTrue();
        assertThat(product.weight()).isEqualByComparingTo("0.85");
        assertThat(product.sizeUnit()).isEqualTo("cm");
    }

    @Test
    void anEmptyAccountIsOneEmptyPage() {
        server.enqueue(ok("{}"));

        FetchSummary summary = fetch();

        assertThat(pages).isEmpty();
        assertThat(summary.fetched()).isZero();
        assertThat(summary.pages()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRejectedCredentialsWithoutRetry() {
        server.enqueue(error(401, "error-401-unauthenticated.json"));

        refusedWith(Reason.CREDENTIALS_REJECTED,
                message -> assertThat(message).contains("invalid authentication credentials"));
        assertThat(answered.requests()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void anUnregisteredCloudProjectSaysSo() {
        server.enqueue(error(401, "error-401-unregistered.json"));

        refusedWith(Reason.CREDENTIALS_REJECTED, message -> assertThat(message).contains("is not registered"));
        assertThat(answered.requests()).isEqualTo(1);
    }

    @Test
    void anAccountTheTokenCannotReadIsRejectedCredentials() {
        server.enqueue(error(403, "error-403-permission-denied.json"));

        refusedWith(Reason.CREDENTIALS_REJECTED,
                message -> assertThat(message).contains("does not have access to the accounts"));
        assertThat(answered.requests()).isEqualTo(1);
    }

    @Test
    void anUnknownAccountIsNotFound() {
        server.enqueue(error(404, "error-404-not-found.json"));

        refusedWith(Reason.NOT_FOUND, message -> assertThat(message).contains("Merchant Center account"));
        assertThat(answered.requests()).isEqualTo(1);
    }

    @Test
    void aRefusedPageTokenIsABadRequestNotRetried() {
        server.enqueue(ok(page(products(0, 2), "stale")));
        server.enqueue(error(400, "error-400-page-token.json"));

        refusedWith(Reason.BAD_REQUEST, message -> assertThat(message).contains("Invalid page token"));
        assertThat(answered.requests()).isEqualTo(2);
    }

    @Test
    void waitsForRetryAfterOnA429() {
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(new MockResponse.Builder(error(429, "error-429-rate.json")).setHeader("Retry-After", "1.5")
                .build());
        server.enqueue(ok(page(products(3, 3), "p3")));
        server.enqueue(ok(page(products(6, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(9);
        assertThat(summary.retries()).isEqualTo(1);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void waitsOutThePerMinuteQuotaWithoutRetryAfter() {
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(error(429, "error-429-rate.json"));
        server.enqueue(error(429, "error-429-rate.json"));
        server.enqueue(ok(page(products(3, 3), "p3")));
        server.enqueue(ok(page(products(6, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(9);
        assertThat(summary.retries()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15));
    }

    @Test
    void backsOffOnAnotherResourceExhaustedWithoutRetryAfter() {
        String otherQuota = resource("error-429-rate.json").replace("quota/request_rate_too_high", "quota/other");
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(GoogleMerchantWire.json(429, otherQuota));
        server.enqueue(GoogleMerchantWire.json(429, otherQuota));
        server.enqueue(ok(page(products(3, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(6);
        assertThat(summary.retries()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void anAbortedAnswerIsRetried() {
        server.enqueue(GoogleMerchantWire.json(409, "{\"error\":{\"code\":409,\"message\":\"The operation was"
                + " aborted.\",\"status\":\"ABORTED\"}}"));
        server.enqueue(ok(page(products(0, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(3);
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void resourceExhaustedIsRetriedWhateverTheHttpStatus() {
        server.enqueue(GoogleMerchantWire.json(403, resource("error-429-rate.json").replace("\"code\": 429",
                "\"code\": 403")));
        server.enqueue(ok(page(products(0, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(3);
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void aUsedUpDailyQuotaFailsAtOnce() {
        server.enqueue(error(429, "error-429-daily.json"));

        refusedWith(Reason.UNAVAILABLE, message -> assertThat(message).contains("daily Merchant API quota"));
        assertThat(answered.requests()).isEqualTo(1);
    }

    @Test
    void survivesA500ThenSuccess() {
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(error(500, "error-500-internal.json"));
        server.enqueue(ok(page(products(3, 3), "p3")));
        server.enqueue(ok(page(products(6, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(9);
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void survivesA503WithAnHtmlBody() {
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "text/html; charset=UTF-8")
                .body(resource("error-503.html")).build());
        server.enqueue(ok(page(products(3, 3), "p3")));
        server.enqueue(ok(page(products(6, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(9);
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void survivesADroppedConnection() {
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok(page(products(3, 3), "p3")));
        server.enqueue(ok(page(products(6, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).extracting(p -> p.source().externalId()).hasSize(9).doesNotHaveDuplicates();
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void aBodyCutOffMidPageIsFetchedAgainWithoutDuplicates() {
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(new MockResponse.Builder(ok(page(products(3, 200), "p3")))
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(ok(page(products(3, 200), "p3")));
        server.enqueue(ok(page(products(203, 3), null)));

        FetchSummary summary = fetch();

        assertThat(products()).extracting(p -> p.source().externalId()).hasSize(206).doesNotHaveDuplicates();
        assertThat(summary.skipped()).isZero();
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void aProviderThatKeepsFailingEndsUnavailableWithinTheRetryBudget() {
        server.enqueue(ok(page(products(0, 3), "p2")));
        for (int i = 0; i < 10; i++) {
            server.enqueue(error(500, "error-500-internal.json"));
        }

        refusedWith(Reason.UNAVAILABLE, message -> assertThat(message).contains("kept failing after 6 attempts"));
        assertThat(answered.requests()).isEqualTo(1 + 6);
        assertThat(time.slept()).isLessThanOrEqualTo(TestOutbound.POLICY.maxTotalTime());
        assertThat(pages).hasSize(1);
    }

    @Test
    void aProviderTooSlowToAnswerEndsTimedOut() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder(ok(page(products(0, 1), null)))
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
    void aRepeatedPageTokenEndsTheFetch() {
        server.enqueue(ok(page(products(0, 3), "same")));
        server.enqueue(ok(page(products(3, 3), "same")));
        server.enqueue(ok(page(products(6, 3), null)));

        refusedWith(Reason.UNAVAILABLE, message -> assertThat(message).contains("cursor it had already returned"));
        assertThat(answered.requests()).isEqualTo(2);
    }

    @Test
    void aPageOfProductsAlreadyFetchedEndsTheFetch() {
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(ok(page(products(0, 3), "p3")));
        server.enqueue(ok(page(products(6, 3), null)));

        refusedWith(Reason.UNAVAILABLE, message -> assertThat(message).contains("all fetched before"));
    }

    @Test
    void anOfferListedInSeveralFeedsIsImportedOnceWithoutEndingTheFetch() {
        List<String> british = IntStream.range(0, 3).mapToObj(i -> product(MERCHANT, "GB", "SKU-" + i, 2_000_000L))
                .toList();
        server.enqueue(ok(page(products(0, 3), "p2")));
        server.enqueue(ok(page(british, "p3")));
        server.enqueue(ok(page(products(3, 2), null)));

        FetchSummary summary = fetch();

        assertThat(products()).extracting(p -> p.source().externalId()).containsExactly("SKU-0", "SKU-1", "SKU-2",
                "SKU-3", "SKU-4");
        assertThat(products().get(0).price().toPlainString()).isEqualTo("1.00");
        assertThat(summary.skipped()).as("listed in another feed, not invalid").isZero();
        assertThat(summary.duplicates()).isEqualTo(3);
        assertThat(summary.fetched()).isEqualTo(8);
    }

    @Test
    void anInvalidListingOfAnOfferDoesNotHideAValidListingAfterIt() {
        String untitled = "{\"name\":\"accounts/1234567/products/en~US~A7\",\"offerId\":\"A7\","
                + "\"contentLanguage\":\"en\",\"feedLabel\":\"US\","
                + "\"productAttributes\":{\"description\":\"no title\"}}";
        server.enqueue(ok(page(List.of(untitled, product(MERCHANT, "GB", "A7", 7_000_000L)), "p2")));
        server.enqueue(ok(page(List.of(product(MERCHANT, "DE", "A7", 8_000_000L)), null)));

        FetchSummary summary = fetch();

        assertThat(products()).singleElement().satisfies(p -> {
            assertThat(p.source().externalId()).isEqualTo("A7");
            assertThat(p.price().toPlainString()).isEqualTo("7.00");
        });
        assertThat(summary.skippedByReason()).isEqualTo(Map.of("missing name", 1L));
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.fetched()).isEqualTo(3);
    }

    @Test
    void thePageCapEndsAnEndlessCatalog() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok(page(products(i * 3, 3), "p" + (i + 2))));
        }

        assertThatThrownBy(() -> source(settings().withPageCap(3)).fetch(ACCOUNT, pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("more than 3 pages");
                });
        assertThat(answered.requests()).isEqualTo(3);
    }

    @Test
    void invalidProductsAreSkippedAndCountedByReason() {
        List<String> mixed = new ArrayList<>(products(0, 2));
        mixed.add("{\"name\":\"accounts/1234567/products/en~US~\",\"productAttributes\":{\"title\":\"No offer\"}}");
        mixed.add("{\"offerId\":\"N1\",\"productAttributes\":{\"description\":\"no title\"}}");
        mixed.add("{\"offerId\":\"P1\",\"productAttributes\":{\"title\":\"Bad\",\"price\":{\"amountMicros\":\"9.5\"}}}");
        mixed.add("{\"offerId\":\"P2\",\"productAttributes\":{\"title\":\"Bad\",\"price\":{\"amountMicros\":\"x\"}}}");
        mixed.add("{\"offerId\":\"C1\",\"productAttributes\":{\"title\":\"Cur\",\"price\":"
                + "{\"amountMicros\":\"1000000\",\"currencyCode\":\"US$\"}}}");
        server.enqueue(ok(page(mixed, "p2")));
        server.enqueue(ok(page(products(2, 2), null)));

        FetchSummary summary = fetch();

        assertThat(products()).hasSize(4);
        assertThat(summary.fetched()).isEqualTo(9);
        assertThat(summary.skipped()).isEqualTo(5);
        assertThat(summary.skippedByReason()).isEqualTo(Map.of("missing external id", 1L, "missing name", 1L,
                "unparsable price", 2L, "invalid currency", 1L));
    }

    @Test
    void theBaseUrlOverrideReplacesOnlySchemeHostAndPort() throws InterruptedException {
        server.enqueue(ok(page(products(0, 1), null)));
        ProviderSettings settings = TestOutbound.settings()
                .withGoogleMerchantBaseUrl(server.url("/some/proxy/prefix/"));

        source(settings).fetch(ACCOUNT, pages::add);

        assertThat(take().getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(products()).hasSize(1);
    }

    @Test
    void aMerchantIdThatIsNotAnAccountNumberIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> source(settings()).fetch(new GoogleMerchantAccount("123/../../admin", TOKEN),
                pages::add)).isInstanceOfSatisfying(CatalogFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST));
        assertThat(answered.requests()).isZero();
    }

    @Test
    void aTokenThatCannotBeAHeaderIsRefusedWithoutShowingIt() {
        String broken = "ya29.line\nbreak";

        assertThatThrownBy(() -> source(settings()).fetch(new GoogleMerchantAccount(MERCHANT, broken), pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                    assertThat(e.getMessage()).doesNotContain("ya29.line");
                });
        assertThat(answered.requests()).isZero();
    }

    @Test
    void aTokenEchoedInAnErrorBodyNeverReachesTheMessage() {
        server.enqueue(GoogleMerchantWire.json(401, "{\"error\":{\"code\":401,\"message\":\"Token " + TOKEN
                + " is expired\",\"status\":\"UNAUTHENTICATED\"}}"));

        refusedWith(Reason.CREDENTIALS_REJECTED, message -> assertThat(message).contains("Token *** is expired"));
    }

    @Test
    void theFactoryOfAllSourcesServesThisProvider() {
        server.enqueue(ok(page(products(0, 1), null)));
        ProviderSettings settings = settings();
        CatalogSource source = new CatalogSources(settings, TestOutbound.outbound(settings, time))
                .forProvider(Provider.GOOGLE_MERCHANT).orElseThrow();

        source.fetch(ACCOUNT, pages::add);

        assertThat(source).isInstanceOf(GoogleMerchantCatalogSource.class);
        assertThat(source.provider()).isEqualTo(Provider.GOOGLE_MERCHANT);
        assertThat(products()).hasSize(1);
    }

    @Test
    void anOverrideToAPrivateAddressIsRefusedUnlessPrivateNetworkIsAllowed() {
        server.enqueue(ok(page(products(0, 1), null)));
        ProviderSettings guarded = settings().withAllowPrivateNetwork(false);

        assertThatThrownBy(() -> source(guarded).fetch(ACCOUNT, pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST));
        assertThat(answered.requests()).isZero();
    }
}
