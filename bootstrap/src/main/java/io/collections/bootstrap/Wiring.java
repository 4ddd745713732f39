package io.collections.bootstrap;

import io.collections.adapter.http.HttpApi;
import io.collections.adapter.http.routes.UseCases;
import io.collections.adapter.http.auth.Authenticator;
import io.collections.adapter.jdbc.JdbcAdapters;
import io.collections.adapter.jdbc.JdbcSettings;
import io.collections.adapter.http.imports.ImportRoutes;
import io.collections.adapter.providers.CatalogSources;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.application.imports.AesGcmCredentialSealer;
import io.collections.application.imports.CredentialSealer;
import io.collections.application.imports.ImportCatalog;
import io.collections.application.imports.ImportSettings;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.Provider;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole object graph, written out by hand: one factory method per component, called in dependency order.
 * Nothing else in the server creates a collaborator.
 */
final class Wiring {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private final Settings settings;
    private final Function<Provider, CatalogSource> catalogSources;
    private final ImportTuning importTuning;
    private final Clock clock = Clock.systemUTC();
    private final JwtSetup jwt;

    /**
     * The server as configured: imports use the fetchers of {@link #catalogSources(Settings)}.
     *
     * @throws ConfigurationException when the token settings cannot be used, before anything starts
     */
    Wiring(Settings settings) {
        this(settings, null, ImportTuning.DEFAULT);
    }

    /** With other fetchers for the imports (tests point them at fakes) and other lease timings. */
    Wiring(Settings settings, Function<Provider, CatalogSource> catalogSources, ImportTuning importTuning) {
        this.settings = settings;
        this.jwt = JwtSetup.from(settings);
        this.catalogSources = catalogSources;
        this.importTuning = importTuning;
    }

    /**
     * A running server: the database adapters, the started HTTP app and the background import worker;
     * {@link RunningServer#stop()} ends them all.
     */
    RunningServer start() {
        JdbcAdapters database = database();
        BackgroundImports imports = null;
        try {
            imports = imports(database);
            Javalin app = httpApi(database)
                    .withModule(new ImportRoutes(imports.importCatalog(), settings.importRequestsPerSecond()))
                    .create();
            app.start(settings.port());
            imports.worker().start();
            return new RunningServer(app, database, imports, new Housekeeping(database.idempotency(), clock));
        } catch (RuntimeException e) {
            if (imports != null) {
                imports.stop();
            }
            database.close();
            throw e;
        }
    }

    /**
     * The catalog fetchers, on one outbound HTTP client, configured from the settings. Static, so the {@code fetch}
     * dry run gets them without the token and database set-up a server needs.
     */
    static CatalogSources catalogSources(Settings settings) {
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

    /** The one place that says which fetcher serves each provider's imports. */
    private Function<Provider, CatalogSource> importFetchers() {
        if (catalogSources != null) {
            return catalogSources;
        }
        CatalogSources fetchers = catalogSources(settings);
        return provider -> fetchers.forProvider(provider).orElseGet(() -> new UnavailableCatalogSource(provider));
    }

    private BackgroundImports imports(JdbcAdapters database) {
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "collections-import-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        Function<Provider, CatalogSource> fetchers = importFetchers();
        Map<Provider, CatalogSource> sources = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            sources.put(provider, fetchers.apply(provider));
        }
        ImportSettings importSettings = new ImportSettings(settings.importRequestsPerSecond(),
                settings.importConcurrency(), importTuning.lease(), importTuning.heartbeat(), instanceId());
        ImportCatalog importCatalog = new ImportCatalog(database.transactions(), database.collections(),
                database.catalog(), database.imports(), sources, credentialSealer(), database.ids(), clock,
                heartbeats, importSettings);
        ImportWorker worker = new ImportWorker(importCatalog, importTuning.workerThreads(),
                importTuning.pollInterval());
        return new BackgroundImports(importCatalog, worker, heartbeats, importTuning.stopGrace());
    }

    /**
     * AES-GCM with {@code COLLECTIONS_SECRET_KEY}; without it a random key for this process, so background imports
     * still work here, but one left by a crashed instance cannot be opened by another (it fails, asking to submit
     * it again).
     */
    private CredentialSealer credentialSealer() {
        byte[] key = settings.secretKey().orElseGet(() -> {
            LOG.warn("COLLECTIONS_SECRET_KEY is not set: background imports use a random key for this process; an"
                    + " import interrupted by a crash cannot be taken over by another instance or after a restart."
                    + " Set a 32-byte base64 key shared by every instance.");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        return new AesGcmCredentialSealer(key);
    }

    /** Unique per process: the host, the process id and a random part (a restarted process is a new instance). */
    private static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + Long.toHexString(new SecureRandom().nextLong());
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

    /** The one place that decides who a request speaks for: a JWT verified with the configured key. */
    private Authenticator authenticator() {
        return jwt.authenticator(clock);
    }

    /** How this server checks tokens, for the start-up line. */
    String authentication() {
        return jwt.describe();
    }

    /** A ready Owner token for client {@code demo} when no key is configured and this run made its own secret. */
    Optional<String> firstRunToken() {
        return jwt.firstRunToken(clock);
    }

    /** The import use case and what runs it in the background. */
    record BackgroundImports(ImportCatalog importCatalog, ImportWorker worker, ScheduledExecutorService heartbeats,
            Duration stopGrace) {
        void stop() {
            worker.stop(stopGrace);
            heartbeats.shutdownNow();
        }
    }

    /** The started server and what it holds open. */
    record RunningServer(Javalin app, JdbcAdapters database, BackgroundImports imports, Housekeeping housekeeping) {
        int port() {
            return app.port();
        }

        /**
         * Gives running background imports back (queued again for any instance), stops taking requests, lets
         * those in flight finish (synchronous imports included), then closes the database.
         */
        void stop() {
            imports.worker().stop(imports.stopGrace());
            app.stop();
            imports.heartbeats().shutdownNow();
            housekeeping.stop();
            database.close();
        }
    }
}
