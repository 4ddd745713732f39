package io.collections.adapter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.adapter.providers.testing.FakeTime;
import io.collections.adapter.providers.testing.TestOutbound;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound guard at connect time: names resolving to unsafe addresses, and literals, never get a request. */
class OutboundGuardTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    /** A resolver answering chosen addresses for chosen names, the way a hostile DNS zone would. */
    private static Dns resolving(Map<String, String> answers) {
        return hostname -> {
            String address = answers.get(hostname);
            if (address == null) {
                throw new UnknownHostException(hostname);
            }
            return List.of(InetAddress.getByName(address));
        };
    }

    private final FakeTime time = new FakeTime();

    private OutboundHttp guarded(Dns resolver) {
        return new OutboundHttp(false, TestOutbound.TIMEOUTS, TestOutbound.POLICY, resolver, time, time, () -> 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.7", "172.16.5.4", "192.168.1.20", "100.64.3.3", "169.254.169.254",
            "169.254.10.10", "::1", "fe80::1", "fd00:ec2::254", "0.0.0.0"})
    void a_name_that_resolves_to_an_unsafe_address_is_refused_before_any_request(String address) throws Exception {
        OutboundHttp outbound = guarded(resolving(Map.of("shop.attacker.example", address)));
        HttpUrl url = server.url("/products").newBuilder().host("shop.attacker.example").build();
        server.enqueue(new MockResponse.Builder().body("[]").build());

        assertThatThrownBy(() -> get(outbound, url)).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
            assertThat(e.getMessage()).contains("shop.attacker.example")
                    .contains("loopback, private, link-local or metadata");
        });
        assertThat(server.getRequestCount()).isZero();
        assertThat(time.sleeps()).as("never retried").isEmpty();
    }

    @Test
    void a_name_with_one_unsafe_address_among_public_ones_is_refused() throws Exception {
        Dns mixed = hostname -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"));

        assertThatThrownBy(() -> new GuardedDns(mixed).lookup("rebinding.example"))
                .isInstanceOf(UnsafeAddressException.class);
    }

    @Test
    void a_name_that_does_not_resolve_is_not_found_after_two_more_lookups() {
        AtomicInteger lookups = new AtomicInteger();
        Dns nothing = resolving(Map.of());
        OutboundHttp outbound = guarded(hostname -> {
            lookups.incrementAndGet();
            return nothing.lookup(hostname);
        });

        assertThatThrownBy(() -> get(outbound, HttpUrl.get("https://no-such-shop.example/products")))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("the host no-such-shop.example does not resolve");
                });
        assertThat(lookups).hasValue(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void a_resolver_failing_for_a_moment_is_retried() {
        AtomicInteger lookups = new AtomicInteger();
        Dns flaky = hostname -> {
            if (lookups.incrementAndGet() == 1) {
                throw new UnknownHostException(hostname + ": Temporary failure in name resolution");
            }
            return List.of(InetAddress.getLoopbackAddress());
        };
        OutboundHttp outbound = new OutboundHttp(true, TestOutbound.TIMEOUTS, TestOutbound.POLICY, flaky, time, time,
                () -> 1.0);
        server.enqueue(new MockResponse.Builder().body("[]").build());
        HttpUrl url = server.url("/products").newBuilder().host("shop.example.com").build();

        assertThat(get(outbound, url)).isEqualTo("[]");
        assertThat(lookups).hasValue(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void a_public_answer_passes_the_dns_guard() throws Exception {
        Dns resolver = resolving(Map.of("shop.example.com", "93.184.216.34"));

        assertThat(new GuardedDns(resolver).lookup("shop.example.com"))
                .containsExactly(InetAddress.getByName("93.184.216.34"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]"})
    void an_address_literal_that_skips_dns_is_refused_by_the_socket(String host) {
        OutboundHttp outbound = guarded(resolving(Map.of()));
        HttpUrl url = HttpUrl.get("http://" + host + ":" + server.getPort() + "/products");
        server.enqueue(new MockResponse.Builder().body("[]").build());

        assertThatThrownBy(() -> get(outbound, url)).isInstanceOfSatisfying(CatalogFetchException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void the_guarded_socket_refuses_loopback_and_metadata_endpoints() throws IOException {
        GuardedSocketFactory sockets = new GuardedSocketFactory();
        try (Socket socket = sockets.createSocket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 1000))
                    .isInstanceOf(UnsafeAddressException.class);
        }
        assertThatThrownBy(() -> sockets.createSocket("169.254.169.254", 80))
                .isInstanceOf(UnsafeAddressException.class);
    }

    @Test
    void with_private_network_allowed_loopback_is_reached() {
        OutboundHttp open = TestOutbound.outbound(TestOutbound.settings(), time);
        server.enqueue(new MockResponse.Builder().body("[]").build());

        assertThat(get(open, server.url("/products"))).isEqualTo("[]");
    }

    private static String get(OutboundHttp outbound, HttpUrl url) {
        return outbound.session("woocommerce", outbound.client(), List.of())
                .call(new Request.Builder().url(url).build(), new ResponseHandler<String>() {
                    @Override
                    public Outcome<String> onSuccess(Response response) throws IOException {
                        return Outcome.done(response.body().string());
                    }
                });
    }
}
