package io.collections.adapter.providers.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.adapter.providers.testing.FakeTime;
import io.collections.adapter.providers.testing.TestOutbound;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.catalog.WooCommerceAccount;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;

class WooCommerceCatalogSourceTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final ProviderSettings settings = TestOutbound.settings();
    private final OutboundHttp outbound = TestOutbound.outbound(settings, time);
    private final WooCommerceCatalogSource source = new WooCommerceCatalogSource(outbound, settings);
    private final List<CatalogPage> pages = new ArrayList<>();

    private String store() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    private FetchSummary fetch(FakeWooCommerce fake) {
        server.setDispatcher(fake);
        return source.fetch(new WooCommerceAccount(store(), FakeWooCommerce.KEY, FakeWooCommerce.SECRET), pages::add);
    }

    private List<String> externalIds() {
        return pages.stream().flatMap(p -> p.products().stream()).map(p -> p.source().externalId()).toList();
    }

    private List<ProductDetails> products() {
        return pages.stream().flatMap(p -> p.products().stream()).toList();
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            requests.add(server.takeRequest());
        }
        return requests;
    }

    private static List<String> expectedIds(int count) {
        return IntStream.rangeClosed(101, 100 + count).mapToObj(Integer::toString).toList();
    }

    @Test
    void fetches_three_pages_completely_and_exactly_once_stopping_at_the_total_pages() throws Exception {
        FetchSummary summary = fetch(new FakeWooCommerce(FakeWooCommerce.catalog(250)));

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(250));
        assertThat(pages).extracting(CatalogPage::read).containsExactly(100, 100, 50);
        assertThat(summary.fetched()).isEqualTo(250);
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(summary.retries()).isZero();
        assertThat(server.getRequestCount()).as("currency and three pages, no page past the end").isEqualTo(4);
    }

    @Test
    void sends_100_a_page_in_id_order_with_basic_authentication_and_no_credentials_in_urls() throws Exception {
        fetch(new FakeWooCommerce(FakeWooCommerce.catalog(250)));

        List<RecordedRequest> requests = requests();
        assertThat(requests.get(0).getUrl().encodedPath()).isEqualTo("/wp-json/wc/v3/data/currencies/current");
        List<RecordedRequest> pageRequests = requests.subList(1, requests.size());
        assertThat(pageRequests).extracting(r -> r.getUrl().queryParameter("page")).containsExactly("1", "2", "3");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getHeaders().get("Authorization"))
                    .isEqualTo(FakeWooCommerce.basic(FakeWooCommerce.KEY, FakeWooCommerce.SECRET));
            assertThat(request.getUrl().toString()).doesNotContain(FakeWooCommerce.KEY)
                    .doesNotContain(FakeWooCommerce.SECRET).doesNotContain("consumer_");
        });
        assertThat(pageRequests).allSatisfy(request -> {
            assertThat(request.getUrl().encodedPath()).isEqualTo("/wp-json/wc/v3/products");
            assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("100");
            assertThat(request.getUrl().queryParameter("orderby")).isEqualTo("id");
            assertThat(request.getUrl().queryParameter("order")).isEqualTo("asc");
        });
    }

    @Test
    void without_total_pages_it_stops_on_the_empty_page() {
        FetchSummary summary = fetch(new FakeWooCommerce(FakeWooCommerce.catalog(300)).withoutTotalPages());

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(300));
        assertThat(summary.pages()).as("three full pages and the empty one").isEqualTo(4);
        assertThat(pages).hasSize(3);
    }

    @Test
    void a_store_under_a_sub_directory_keeps_its_path() throws Exception {
        server.setDispatcher(new FakeWooCommerce(List.of()));
        assertThatThrownBy(() -> source.fetch(new WooCommerceAccount(store() + "/shop/", FakeWooCommerce.KEY,
                FakeWooCommerce.SECRET), pages::add)).isInstanceOfSatisfying(CatalogFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/shop/wp-json/wc/v3/data/currencies/current");
    }

    @Test
    void maps_every_field_of_realistic_products() {
        ObjectNode shirt = FakeWooCommerce.product(794, "Premium Quality", "21.99");
        ObjectNode draft = FakeWooCommerce.product(795, "Draft hoodie", "45.00");
        draft.put("status", "draft");
        draft.remove("brands");
        draft.putArray("attributes").addObject().put("id", 0).put("name", "Brand").putArray("options").add("Hoodz");
        draft.put("virtual", true);
        ObjectNode pending = FakeWooCommerce.product(796, "Pending cap", "");
        pending.put("status", "pending");
        pending.putArray("categories");
        pending.putArray("tags");
        pending.putArray("images");
        pending.put("sku", "");
        ObjectNode privateOne = FakeWooCommerce.product(797, "Private belt", "5");
        privateOne.put("status", "private");
        draft.put("date_modified", "2024-05-02T09:00:00");
        draft.putNull("date_modified_gmt");
        pending.put("date_created_gmt", "0000-00-00T00:00:00");
        pending.put("date_modified_gmt", "2024-05-02 12:00:00");
        privateOne.remove("date_created_gmt");
        privateOne.put("date_modified_gmt", "2024-05-02T12:00:00.5");

        fetch(new FakeWooCommerce(List.of(shirt, draft, pending, privateOne)));

        List<ProductDetails> products = products();
        assertThat(products).hasSize(4);
        ProductDetails premium = products.get(0);
        assertThat(premium.name()).isEqualTo("Premium Quality");
        assertThat(premium.productType()).isEqualTo("Clothing");
        assertThat(premium.productCategory()).isEqualTo("Clothing");
        assertThat(premium.brand()).isEqualTo("Woo Apparel");
        assertThat(premium.tags()).containsExactly("cotton");
        assertThat(premium.price()).isEqualTo(new BigDecimal("21.99"));
        assertThat(premium.currency()).isEqualTo("EUR");
        assertThat(premium.hasPricing()).isTrue();
        assertThat(premium.imageUrls()).containsExactly("https://shop.example.com/wp-content/uploads/794-front.jpg",
                "https://shop.example.com/wp-content/uploads/794-back.jpg");
        assertThat(premium.productCode()).isEqualTo("WOO-794");
        assertThat(premium.tangible()).isTrue();
        assertThat(premium.status()).isEqualTo("active");
        assertThat(premium.published()).isTrue();
        assertThat(premium.source()).as("the GMT twins, not the site-local date_created")
                .isEqualTo(new ProductSource("woocommerce", store(), "794", Instant.parse("2017-03-23T20:01:14Z"),
                        Instant.parse("2017-03-23T20:01:14Z")));

        ProductDetails hoodie = products.get(1);
        assertThat(hoodie.status()).isEqualTo("draft");
        assertThat(hoodie.published()).isFalse();
        assertThat(hoodie.brand()).as("from the Brand attribute").isEqualTo("Hoodz");
        assertThat(hoodie.tangible()).as("virtual").isFalse();
        assertThat(hoodie.source().createdAt()).isEqualTo(Instant.parse("2017-03-23T20:01:14Z"));
        assertThat(hoodie.source().updatedAt()).as("no GMT twin: the site-local time is not guessed at").isNull();

        ProductDetails cap = products.get(2);
        assertThat(cap.status()).isEqualTo("draft");
        assertThat(cap.price()).as("an empty price is no price").isNull();
        assertThat(cap.currency()).isNull();
        assertThat(cap.hasPricing()).isFalse();
        assertThat(cap.productType()).isNull();
        assertThat(cap.tags()).isEmpty();
        assertThat(cap.imageUrls()).isEmpty();
        assertThat(cap.productCode()).isNull();
        assertThat(cap.source().createdAt()).as("MySQL's zero date").isNull();
        assertThat(cap.source().updatedAt()).as("not ISO-8601, yet the product is kept").isNull();

        assertThat(products.get(3).status()).isEqualTo("draft");
        assertThat(products.get(3).price()).isEqualTo(new BigDecimal("5"));
        assertThat(products.get(3).source().createdAt()).isNull();
        assertThat(products.get(3).source().updatedAt()).isEqualTo(Instant.parse("2024-05-02T12:00:00.500Z"));
    }

    @Test
    void prices_a_variable_product_from_its_variations_over_several_pages() throws Exception {
        List<ObjectNode> catalog = FakeWooCommerce.catalog(3);
        FakeWooCommerce fake = new FakeWooCommerce(catalog);
        String[] prices = new String[150];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = (30 + i) + ".00";
        }
        prices[120] = "18.75";
        prices[7] = "";
        fake.variable(catalog.get(1), prices);

        fetch(fake);

        assertThat(products().get(1).price()).isEqualTo(new BigDecimal("18.75"));
        List<RecordedRequest> variationRequests = requests().stream()
                .filter(r -> r.getUrl().encodedPath().equals("/wp-json/wc/v3/products/102/variations")).toList();
        assertThat(variationRequests).extracting(r -> r.getUrl().queryParameter("page")).containsExactly("1", "2");
        assertThat(variationRequests).allSatisfy(r -> assertThat(r.getUrl().queryParameter("per_page"))
                .isEqualTo("100"));
    }

    @Test
    void variations_that_ignore_the_page_parameter_end_when_a_page_repeats() throws Exception {
        List<ObjectNode> catalog = FakeWooCommerce.catalog(2);
        String[] prices = new String[150];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = (150 - i) + ".00";
        }
        FakeWooCommerce fake = new FakeWooCommerce(catalog).variable(catalog.get(0), prices).withoutTotalPages()
                .variationsIgnoringPage();

        fetch(fake);

        assertThat(externalIds()).containsExactly("101", "102");
        assertThat(products().get(0).price()).as("the lowest of the variations served").isEqualTo(
                new BigDecimal("51.00"));
        assertThat(requests().stream().filter(r -> r.getUrl().encodedPath().endsWith("/variations")).count())
                .isEqualTo(2);
    }

    @Test
    void a_store_without_pretty_permalinks_is_read_through_rest_route() throws Exception {
        FetchSummary summary = fetch(new FakeWooCommerce(FakeWooCommerce.catalog(250)).withoutPrettyPermalinks());

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(250));
        assertThat(summary.pages()).isEqualTo(3);
        List<RecordedRequest> requests = requests();
        assertThat(requests.get(0).getUrl().encodedPath()).isEqualTo("/wp-json/wc/v3/data/currencies/current");
        assertThat(requests.get(1).getUrl().queryParameter("rest_route")).isEqualTo("/wc/v3/data/currencies/current");
        assertThat(requests.subList(2, requests.size())).allSatisfy(request -> {
            assertThat(request.getUrl().encodedPath()).isEqualTo("/");
            assertThat(request.getUrl().queryParameter("rest_route")).isEqualTo("/wc/v3/products");
            assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("100");
            assertThat(request.getUrl().queryParameter("orderby")).isEqualTo("id");
        });
    }

    @Test
    void a_variation_with_an_unparsable_price_skips_its_product() {
        List<ObjectNode> catalog = FakeWooCommerce.catalog(2);
        FakeWooCommerce fake = new FakeWooCommerce(catalog).variable(catalog.get(0), "10.00", "n/a");

        FetchSummary summary = fetch(fake);

        assertThat(externalIds()).containsExactly("102");
        assertThat(summary.skippedByReason()).isEqualTo(Map.of("unparsable price", 1L));
    }

    @Test
    void skips_products_without_id_name_or_a_parsable_price_and_counts_them() {
        ObjectNode noId = FakeWooCommerce.product(1, "No id", "1.00");
        noId.remove("id");
        ObjectNode noName = FakeWooCommerce.product(2, "", "1.00");
        ObjectNode badPrice = FakeWooCommerce.product(3, "Bad price", "1,99");
        List<ObjectNode> catalog = new ArrayList<>(FakeWooCommerce.catalog(2));
        catalog.addAll(List.of(noId, noName, badPrice));

        FetchSummary summary = fetch(new FakeWooCommerce(catalog));

        assertThat(externalIds()).containsExactly("101", "102");
        assertThat(pages.get(0).skipped()).containsExactly(new SkippedProduct(null, "missing external id"),
                new SkippedProduct("2", "missing name"), new SkippedProduct("3", "unparsable price"));
        assertThat(summary.fetched()).isEqualTo(5);
        assertThat(summary.skipped()).isEqualTo(3);
        assertThat(summary.skippedByReason()).isEqualTo(Map.of("missing external id", 1L, "missing name", 1L,
                "unparsable price", 1L));
    }

    @Test
    void a_product_served_twice_across_pages_is_imported_once() {
        List<ObjectNode> catalog = new ArrayList<>(FakeWooCommerce.catalog(150));
        catalog.add(120, catalog.get(10).deepCopy());

        FetchSummary summary = fetch(new FakeWooCommerce(catalog));

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(150));
        assertThat(summary.skipped()).as("listed again, not invalid").isZero();
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.fetched()).isEqualTo(151);
    }

    @Test
    void pasted_keys_are_stripped_and_keys_a_header_cannot_carry_are_refused_without_showing_them() {
        server.setDispatcher(new FakeWooCommerce(FakeWooCommerce.catalog(3)));

        source.fetch(new WooCommerceAccount(store(), FakeWooCommerce.KEY + " ", "\t" + FakeWooCommerce.SECRET + "\r\n"),
                pages::add);
        assertThat(pages.stream().mapToInt(page -> page.products().size()).sum()).isEqualTo(3);
        int requests = server.getRequestCount();
        assertThatThrownBy(() -> source.fetch(new WooCommerceAccount(store(), "ck_SECRET\u00e9", FakeWooCommerce.SECRET),
                pages::add)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("consumer_key holds characters").doesNotContain("SECRET");
                });
        assertThatThrownBy(() -> source.fetch(new WooCommerceAccount(store(), FakeWooCommerce.KEY, "cs_SECRET\n2"),
                pages::add)).isInstanceOfSatisfying(CatalogFetchException.class, e ->
                assertThat(e.getMessage()).contains("consumer_secret holds characters").doesNotContain("SECRET"));
        assertThat(server.getRequestCount()).isEqualTo(requests);
    }

    @Test
    void bad_credentials_are_rejected_without_retry_and_without_secrets_in_the_message() {
        server.setDispatcher(new FakeWooCommerce(FakeWooCommerce.catalog(3)));

        assertThatThrownBy(() -> source.fetch(new WooCommerceAccount(store(), "ck_wrong", "cs_wrong"), pages::add))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED);
                    assertThat(e.getMessage()).contains("HTTP 401: Consumer key is invalid.")
                            .doesNotContain("ck_wrong").doesNotContain("cs_wrong");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void an_html_403_or_406_from_the_hosts_firewall_is_a_failing_provider_not_rejected_keys() {
        for (int status : new int[] {403, 406}) {
            assertThatThrownBy(() -> fetch(new FakeWooCommerce(FakeWooCommerce.catalog(3)).fault(new MockResponse
                    .Builder().code(status).addHeader("Content-Type", "text/html; charset=UTF-8")
                    .body("<!DOCTYPE html><html><title>Sorry, you have been blocked</title></html>").build())))
                    .as("HTTP " + status).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("host or firewall blocked the request (HTTP " + status
                                + " (text/html body))").doesNotContain("blocked</title>");
                    });
        }
    }

    @Test
    void a_json_401_from_woocommerce_itself_rejects_the_keys_and_mentions_a_stripped_header() {
        assertThatThrownBy(() -> fetch(new FakeWooCommerce(FakeWooCommerce.catalog(3)).fault(FakeWooCommerce.json(401,
                "{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\","
                        + "\"data\":{\"status\":401}}"))))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED);
                    assertThat(e.getMessage()).contains("HTTP 401: Sorry, you cannot list resources.")
                            .contains("strip the Authorization header");
                });
    }

    @Test
    void a_store_without_the_rest_route_is_not_found() {
        server.setDispatcher(new FakeWooCommerce(List.of()).fault(FakeWooCommerce.json(404, "{\"code\":"
                + "\"rest_no_route\",\"message\":\"No route was found matching the URL and request method.\","
                + "\"data\":{\"status\":404}}")));

        assertThatThrownBy(() -> source.fetch(new WooCommerceAccount(store(), FakeWooCommerce.KEY,
                FakeWooCommerce.SECRET), pages::add)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("answers neither /wp-json/wc/v3/ nor ?rest_route=/wc/v3/")
                            .contains("No route was found");
                });
    }

    @Test
    void survives_429_500_html_503_and_a_dropped_connection_with_a_complete_result() {
        FakeWooCommerce fake = new FakeWooCommerce(FakeWooCommerce.catalog(250))
                .fault(new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
                        .addHeader("Content-Type", "text/html").body("<html><title>429 Too Many Requests</title>")
                        .build())
                .fault(FakeWooCommerce.json(500, "{\"code\":\"internal_server_error\",\"message\":\"There has been"
                        + " a critical error on this website.\",\"data\":{\"status\":500}}"))
                .fault(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html; charset=UTF-8")
                        .body("<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>").build())
                .fault(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        FetchSummary summary = fetch(fake);

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(250));
        assertThat(summary.retries()).isEqualTo(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void a_page_that_failed_with_a_5xx_is_asked_again_as_two_pages_of_50() throws Exception {
        FakeWooCommerce fake = new FakeWooCommerce(FakeWooCommerce.catalog(250)).faultOnRequest(3,
                new MockResponse.Builder().code(504).addHeader("Content-Type", "text/html")
                        .body("<html><h1>504 Gateway Time-out</h1></html>").build());

        FetchSummary summary = fetch(fake);

        assertThat(externalIds()).containsExactlyElementsOf(expectedIds(250));
        assertThat(requests().stream().skip(1)
                .map(r -> r.getUrl().queryParameter("per_page") + "@" + r.getUrl().queryParameter("page")))
                .containsExactly("100@1", "100@2", "50@3", "50@4", "100@3");
        assertThat(pages).extracting(CatalogPage::read).containsExactly(100, 50, 50, 50);
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void a_store_that_keeps_failing_ends_unavailable_within_the_retry_budget() {
        FakeWooCommerce fake = new FakeWooCommerce(FakeWooCommerce.catalog(10));
        for (int i = 0; i < 20; i++) {
            fake.fault(FakeWooCommerce.json(502, "{\"code\":\"bad_gateway\",\"message\":\"Bad gateway\"}"));
        }

        assertThatThrownBy(() -> fetch(fake)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).startsWith("woocommerce: kept failing after 6 attempts");
        });
        assertThat(server.getRequestCount()).isEqualTo(settings.retryPolicy().maxAttempts());
        assertThat(time.slept()).isLessThanOrEqualTo(settings.retryPolicy().maxTotalTime());
    }

    @Test
    void a_store_too_slow_on_every_attempt_ends_timed_out() throws Exception {
        WooCommerceCatalogSource impatient = new WooCommerceCatalogSource(TestOutbound.outbound(
                settings.withTimeouts(TestOutbound.SHORT_TIMEOUTS), time), settings);
        FakeWooCommerce fake = new FakeWooCommerce(FakeWooCommerce.catalog(150));
        MockResponse slow = FakeWooCommerce.json(200, "[]").newBuilder().headersDelay(2, TimeUnit.SECONDS).build();
        for (int request = 3; request < 3 + settings.retryPolicy().maxAttempts(); request++) {
            fake.faultOnRequest(request, slow);
        }

        server.setDispatcher(fake);
        assertThatThrownBy(() -> impatient.fetch(new WooCommerceAccount(store(), FakeWooCommerce.KEY,
                FakeWooCommerce.SECRET), pages::add)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
            assertThat(e.getMessage()).contains("last: timed out");
        });
        assertThat(pages).extracting(CatalogPage::read).containsExactly(100);
        assertThat(requests().stream().skip(2).map(r -> r.getUrl().queryParameter("per_page")))
                .as("the slow page is asked again at 50").containsOnly("100", "50").contains("50");
    }

    @Test
    void a_store_that_ignores_the_page_parameter_ends_with_an_error_instead_of_looping() {
        assertThatThrownBy(() -> fetch(new FakeWooCommerce(FakeWooCommerce.catalog(250)).ignoringPage()))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("page of 100 products all fetched before");
                });
        assertThat(pages).hasSize(1);
    }

    @Test
    void the_page_cap_ends_a_catalog_that_never_ends() {
        WooCommerceCatalogSource capped = new WooCommerceCatalogSource(outbound, settings.withPageCap(2));

        server.setDispatcher(new FakeWooCommerce(FakeWooCommerce.catalog(250)));
        assertThatThrownBy(() -> capped.fetch(new WooCommerceAccount(store(), FakeWooCommerce.KEY,
                FakeWooCommerce.SECRET), pages::add)).isInstanceOfSatisfying(CatalogFetchException.class,
                        e -> assertThat(e.getMessage()).contains("more than 2 pages"));
    }

    @Test
    void refuses_unsafe_store_urls_and_names_resolving_to_unsafe_addresses_before_any_request() {
        Map<String, String> zone = Map.of("shop.rebind.example", "127.0.0.1", "shop.lan.example", "192.168.1.10",
                "shop.cgnat.example", "100.64.0.9", "shop.metadata.example", "169.254.169.254",
                "shop.v6.example", "::1");
        Dns resolver = hostname -> {
            if (!zone.containsKey(hostname)) {
                throw new UnknownHostException(hostname);
            }
            return List.of(InetAddress.getByName(zone.get(hostname)));
        };
        ProviderSettings safe = settings.withAllowPrivateNetwork(false);
        WooCommerceCatalogSource guarded = new WooCommerceCatalogSource(new OutboundHttp(false, safe.timeouts(),
                safe.retryPolicy(), resolver, time, time, () -> 1.0), safe);
        assertThatThrownBy(() -> guarded.fetch(new WooCommerceAccount(store(), FakeWooCommerce.KEY,
                FakeWooCommerce.SECRET), pages::add)).isInstanceOfSatisfying(CatalogFetchException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("woocommerce: store_url must be an https URL"));
        for (String storeUrl : List.of("https://127.0.0.1:" + server.getPort(), "https://[::1]:" + server.getPort(),
                "https://10.0.0.1", "https://172.16.0.1", "https://192.168.0.1/shop", "https://169.254.169.254",
                "https://[fe80::1]", "https://shop.rebind.example:" + server.getPort(), "https://shop.lan.example",
                "https://shop.cgnat.example", "https://shop.metadata.example", "https://shop.v6.example")) {
            assertThatThrownBy(() -> guarded.fetch(new WooCommerceAccount(storeUrl, FakeWooCommerce.KEY,
                    FakeWooCommerce.SECRET), pages::add)).as(storeUrl)
                    .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                        assertThat(e.getMessage()).contains("loopback, private, link-local or metadata");
                    });
        }
        assertThat(server.getRequestCount()).isZero();
        assertThat(time.sleeps()).isEmpty();
    }
}
