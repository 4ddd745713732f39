package io.collections.adapter.providers.http;

import java.net.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The one {@link OkHttpClient} of all fetchers (one connection pool, one dispatcher), built with the outbound
 * safety rules: user-given hosts go through {@link GuardedDns} and {@link GuardedSocketFactory} unless private
 * networks are allowed; no redirects are followed (a redirect could lead anywhere, and would drop our headers);
 * no proxy (it would resolve names where the guard cannot see them); no silent OkHttp retries, so every retry goes
 * through the one {@link RetryPolicy} and is counted.
 */
public final class OutboundHttp {
    private final OkHttpClient client;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;

    /**
     * @param resolver the name service under the guard ({@link Dns#SYSTEM} in production; tests pass one that
     *        answers chosen addresses)
     */
    public OutboundHttp(boolean allowPrivateNetwork, Timeouts timeouts, RetryPolicy retryPolicy, Dns resolver,
            Sleeper sleeper, Clock clock, DoubleSupplier random) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .proxy(Proxy.NO_PROXY)
                .addInterceptor(new AnswerSizeLimit());
        if (allowPrivateNetwork) {
            builder.dns(resolver);
        } else {
            builder.dns(new GuardedDns(resolver)).socketFactory(new GuardedSocketFactory());
        }
        this.client = builder.build();
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    /** The production setup: system DNS, real sleeping, the system clock. */
    public static OutboundHttp standard(boolean allowPrivateNetwork, Timeouts timeouts, RetryPolicy retryPolicy) {
        return new OutboundHttp(allowPrivateNetwork, timeouts, retryPolicy, Dns.SYSTEM, Sleeper.REAL,
                Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The shared client; tune it per provider with {@code newBuilder()}, which keeps the pool and the guard. */
    public OkHttpClient client() {
        return client;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Starts the requests of one fetch.
     *
     * @param provider the provider's path name, for messages
     * @param tunedClient {@link #client()} or a {@code newBuilder()} of it
     * @param secrets the account's credentials, scrubbed from any text the provider sends back
     */
    public ProviderSession session(String provider, OkHttpClient tunedClient, List<String> secrets) {
        return new ProviderSession(provider, tunedClient, retryPolicy, sleeper, clock, random, secrets);
    }
}
