package io.collections.adapter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.adapter.providers.testing.FakeTime;
import io.collections.adapter.providers.testing.TestOutbound;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one retry policy, exercised on a generic JSON endpoint. */
class ProviderSessionTest {
    private static final String SECRET = "cs_5ecret";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final OutboundHttp outbound = TestOutbound.outbound(TestOutbound.settings(), time);
    private final ProviderSession session = outbound.session("woocommerce", outbound.client(), List.of(SECRET));

    private String get() {
        return session.call(new Request.Builder().url(server.url("/products")).build(), new ResponseHandler<>() {
            @Override
            public Outcome<String> onSuccess(Response response) throws IOException {
                String body = response.body().string();
                if (!body.startsWith("[")) {
                    throw new UnreadableAnswerException("not the expected JSON array");
                }
                return Outcome.done(body);
            }
        });
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body("[1,2,3]").build();
    }

    @Test
    void an_answer_past_the_size_limit_is_refused_without_retry_whether_declared_or_streamed() {
        String endless = "[" + "1,".repeat((int) (AnswerSizeLimit.MAX_BYTES / 2)) + "1]";
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(endless).build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .chunkedBody(endless, 1 << 20).build());

        for (String how : List.of("with a Content-Length", "chunked")) {
            assertThatThrownBy(this::get).as(how).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                assertThat(e.getMessage()).contains("the answer is larger than 32 MiB");
            });
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void waits_for_a_fractional_retry_after_then_succeeds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2.5")
                .body("{\"errors\":\"Exceeded 2 calls per second for api client.\"}").build());
        server.enqueue(ok());

        assertThat(get()).isEqualTo("[1,2,3]");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(2500));
        assertThat(session.retries()).isEqualTo(1);
    }

    @Test
    void waits_for_a_retry_after_given_as_an_http_date() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "Wed, 07 Jan 2026 12:00:07 GMT")
                .build());
        server.enqueue(ok());

        assertThat(get()).isEqualTo("[1,2,3]");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void backs_off_exponentially_through_500s_then_succeeds() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(new MockResponse.Builder().code(502).build());
        server.enqueue(new MockResponse.Builder().code(504).build());
        server.enqueue(ok());

        assertThat(get()).isEqualTo("[1,2,3]");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(session.retries()).isEqualTo(3);
    }

    @Test
    void survives_a_503_with_an_html_body_and_reports_it_without_the_html() {
        MockResponse html = new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html; charset=UTF-8")
                .body("<html><body><h1>503 Service Temporarily Unavailable</h1>nginx</body></html>").build();
        server.enqueue(html);
        server.enqueue(ok());
        assertThat(get()).isEqualTo("[1,2,3]");

        for (int i = 0; i < TestOutbound.POLICY.maxAttempts(); i++) {
            server.enqueue(html);
        }
        assertThatThrownBy(this::get).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains("HTTP 503 (text/html body)").doesNotContain("<html>");
        });
    }

    @Test
    void survives_a_dropped_connection() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());

        assertThat(get()).isEqualTo("[1,2,3]");
        assertThat(session.retries()).isEqualTo(1);
    }

    @Test
    void survives_a_body_cut_off_midway() {
        server.enqueue(new MockResponse.Builder().body("[1,2,3,4,5,6,7,8,9]")
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(ok());

        assertThat(get()).isEqualTo("[1,2,3]");
    }

    @Test
    void a_200_that_is_not_the_expected_json_is_retried_and_reported_as_unreadable() {
        MockResponse captivePortal = new MockResponse.Builder().addHeader("Content-Type", "text/html")
                .body("<html>Please log in to the hotel Wi-Fi</html>").build();
        server.enqueue(captivePortal);
        server.enqueue(ok());
        assertThat(get()).isEqualTo("[1,2,3]");

        for (int i = 0; i < TestOutbound.POLICY.maxAttempts(); i++) {
            server.enqueue(captivePortal);
        }
        assertThatThrownBy(this::get).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains("last: an unreadable answer (not the expected JSON array)")
                    .doesNotContain("hotel");
        });
    }

    @Test
    void a_provider_that_keeps_failing_ends_unavailable_after_the_attempts() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("{\"message\":\"Internal error\"}").build());
        }

        assertThatThrownBy(this::get).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains("kept failing after 6 attempts").contains("HTTP 500: Internal error")
                    .contains("GET http://");
        });
        assertThat(server.getRequestCount()).isEqualTo(TestOutbound.POLICY.maxAttempts());
        assertThat(time.slept()).isLessThanOrEqualTo(TestOutbound.POLICY.maxTotalTime());
    }

    @Test
    void gives_up_at_once_when_retry_after_would_pass_the_total_time() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

        assertThatThrownBy(this::get).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains("would pass the retry budget");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void the_total_time_bounds_the_waits() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "25").build());
        }

        assertThatThrownBy(this::get).isInstanceOfSatisfying(CatalogFetchException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(25), Duration.ofSeconds(25));
        assertThat(time.slept()).isLessThanOrEqualTo(TestOutbound.POLICY.maxTotalTime());
    }

    @Test
    void a_provider_too_slow_every_time_ends_timed_out() {
        OutboundHttp impatient = TestOutbound.outbound(TestOutbound.settings()
                .withTimeouts(TestOutbound.SHORT_TIMEOUTS), time);
        ProviderSession session = impatient.session("woocommerce", impatient.client(), List.of());
        for (int i = 0; i < TestOutbound.POLICY.maxAttempts(); i++) {
            server.enqueue(ok().newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
        }

        assertThatThrownBy(() -> session.call(new Request.Builder().url(server.url("/products")).build(),
                response -> Outcome.done(response.body().string()))).isInstanceOfSatisfying(
                        CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
            assertThat(e.getMessage()).contains("timed out");
        });
        assertThat(server.getRequestCount()).isEqualTo(TestOutbound.POLICY.maxAttempts());
    }

    @Test
    void an_attempt_is_cut_where_the_retry_budget_ends_even_before_the_socket_timeouts() {
        RetryPolicy oneSecond = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofMillis(200));
        OutboundHttp realTime = new OutboundHttp(true, TestOutbound.TIMEOUTS, oneSecond, Dns.SYSTEM, Sleeper.REAL,
                Clock.systemUTC(), () -> 1.0);
        ProviderSession session = realTime.session("woocommerce", realTime.client(), List.of());
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok().newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> session.call(new Request.Builder().url(server.url("/products")).build(),
                response -> Outcome.done(response.body().string()))).isInstanceOfSatisfying(
                        CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
            assertThat(e.getMessage()).contains("timed out").contains("retry budget of 1.0s");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the 1 s budget, not the 3 s answer")
                .isLessThan(Duration.ofMillis(2500));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "400, BAD_REQUEST", "401, CREDENTIALS_REJECTED", "403, CREDENTIALS_REJECTED", "404, NOT_FOUND",
        "422, BAD_REQUEST", "402, BAD_REQUEST", "301, BAD_REQUEST"})
    void never_retries_client_errors(int status, Reason reason) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Location", "https://www.shop.example/x?y")
                .body("{\"code\":\"some_code\",\"message\":\"Refused.\",\"data\":{\"status\":" + status + "}}").build());
        server.enqueue(ok());

        assertThatThrownBy(this::get).isInstanceOfSatisfying(CatalogFetchException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void the_retry_log_names_host_path_and_cause_but_never_the_query_or_a_secret() {
        server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                .body("{\"message\":\"token " + SECRET + " overloaded\"}").build());
        server.enqueue(ok());
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            session.call(new Request.Builder().url(server.url("/products?page=2&consumer_secret=" + SECRET)).build(),
                    response -> Outcome.done(response.body().string()));
        } finally {
            System.setErr(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("woocommerce: GET http://" + server.getHostName() + ":" + server.getPort()
                        + "/products answered HTTP 500: token *** overloaded; retry 1 of 5 in 1.0s")
                .doesNotContain(SECRET).doesNotContain("page=2");
    }

    @Test
    void an_echoed_secret_is_scrubbed_from_the_message() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer secret " + SECRET
                        + " is invalid.\",\"data\":{\"status\":401}}").build());

        assertThatThrownBy(this::get).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED);
            assertThat(e.getMessage()).contains("Consumer secret *** is invalid.").doesNotContain(SECRET);
        });
    }
}
