package io.collections.adapter.providers.testing;

import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.adapter.providers.http.OutboundHttp;
import io.collections.adapter.providers.http.RetryPolicy;
import io.collections.adapter.providers.http.Timeouts;
import java.time.Duration;
import okhttp3.Dns;

/** Outbound HTTP for tests: private network allowed (MockWebServer is on loopback), fake time, fixed jitter. */
public final class TestOutbound {
    /** Six attempts within one minute, backoff from 1 s to 8 s. */
    public static final RetryPolicy POLICY =
            new RetryPolicy(6, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(8));
    /** Generous socket timeouts: a loaded build machine must not turn a slow answer into a retry. */
    public static final Timeouts TIMEOUTS =
            new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60));
    /** For the tests of a provider too slow: reads time out long before the fake's 2 s delay ends. */
    public static final Timeouts SHORT_TIMEOUTS =
            new Timeouts(Duration.ofSeconds(10), Duration.ofMillis(300), Duration.ofSeconds(60));

    private TestOutbound() {
    }

    public static ProviderSettings settings() {
        return ProviderSettings.defaults().withAllowPrivateNetwork(true).withRetryPolicy(POLICY)
                .withTimeouts(TIMEOUTS);
    }

    public static OutboundHttp outbound(ProviderSettings settings, FakeTime time) {
        return new OutboundHttp(settings.allowPrivateNetwork(), settings.timeouts(), settings.retryPolicy(),
                Dns.SYSTEM, time, time, () -> 1.0);
    }
}
