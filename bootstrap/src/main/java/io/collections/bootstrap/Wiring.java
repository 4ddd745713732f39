package io.collections.bootstrap;

import io.collections.adapter.http.DevelopmentAuthenticator;
import io.collections.adapter.http.HttpApi;
import io.collections.adapter.http.routes.UseCases;
import io.collections.adapter.http.auth.Authenticator;
import io.collections.adapter.jdbc.JdbcAdapters;
import io.collections.adapter.jdbc.JdbcSettings;
import io.collections.adapter.providers.CatalogSources;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import okhttp3.HttpUrl;

/**
 * The whole object graph, written out by hand: one factory method per component, called in dependency order.
 * Nothing else in the server creates a collaborator.
 */
final class Wiring {
    private final Settings settings;
    private final Clock clock = Clock.systemUTC();

    Wiring(Settings settings) {
        this.settings = settings;
    }

    /** A running server: the database adapters and the started HTTP app; {@link RunningServer#stop()} ends both. */
    RunningServer start() {
        JdbcAdapters database = database();
        try {
            Javalin app = httpApi(database).create();
            app.start(settings.port());
            return new RunningServer(app, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private JdbcAdapters database() {
        return JdbcAdapters.start(new JdbcSettings(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword(), settings.databasePoolSize()));
    }

    private HttpApi httpApi(JdbcAdapters database) {
        UseCases useCases = UseCases.over(database.transactions(), database.collections(), database.catalog(),
                database.ids(), clock);
        return new HttpApi(useCases, authenticator(), database.idempotency(), clock, database::isHealthy,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The catalog fetchers, on one outbound HTTP client, configured from the settings. */
    CatalogSources catalogSources() {
        ProviderSettings providers = ProviderSettings.defaults()
                .withAllowPrivateNetwork(settings.allowPrivateNetwork())
                .withShopifyApiVersion(settings.shopifyApiVersion());
        if (settings.googleMerchantBaseUrl().isPresent()) {
            providers = providers.withGoogleMerchantBaseUrl(HttpUrl.get(settings.googleMerchantBaseUrl().get()));
        }
        if (settings.algoliaBaseUrl().isPresent()) {
            providers = providers.withAlgoliaBaseUrl(HttpUrl.get(settings.algoliaBaseUrl().get()));
        }
        return CatalogSources.standard(providers);
    }

    /** The one place that decides who a request speaks for; JWT verification replaces it with issue #4. */
    private Authenticator authenticator() {
        return new DevelopmentAuthenticator();
    }

    /** The started server and what it holds open. */
    record RunningServer(Javalin app, JdbcAdapters database) {
        int port() {
            return app.port();
        }

        /** Stops taking requests, lets those in flight finish, then closes the database. */
        void stop() {
            app.stop();
            database.close();
        }
    }
}
