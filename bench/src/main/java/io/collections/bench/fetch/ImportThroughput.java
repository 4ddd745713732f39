package io.collections.bench.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.collections.adapter.jdbc.JdbcAdapters;
import io.collections.adapter.jdbc.JdbcSettings;
import io.collections.adapter.providers.CatalogSources;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.application.Caller;
import io.collections.application.Role;
import io.collections.application.imports.AesGcmCredentialSealer;
import io.collections.application.imports.ImportCatalog;
import io.collections.application.imports.ImportJob;
import io.collections.application.imports.ImportResult;
import io.collections.application.imports.ImportSettings;
import io.collections.application.imports.ImportStatus;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Import throughput end to end below HTTP: the production Shopify fetcher against the local fake Shopify, the
 * import use case, and the JDBC adapters on a real database, one new client per round (so every round inserts
 * every product, its membership and the collection). {@code sync} runs {@code ImportCatalog.execute} as a request
 * would; {@code background} submits a job and runs it as the worker does (claim, lease, heartbeat, progress).
 * Usage: {@code ImportThroughput <sync|background> [products=100000] [rounds=3] [jdbc-url]}; without a URL an
 * H2 file in a temporary directory. The first round warms up.
 */
public final class ImportThroughput {
    private ImportThroughput() {
    }

    public static void main(String[] args) throws Exception {
        boolean background = args.length > 0 && args[0].equals("background");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path directory = Files.createTempDirectory("import-bench");
        String url = args.length > 3 ? args[3] : "jdbc:h2:file:" + directory.resolve("collections")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        FakePlatform fake = FakePlatforms.create(Provider.SHOPIFY, size);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(fake, exchange));
        server.start();
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        JdbcAdapters database = JdbcAdapters.start(new JdbcSettings(url, null, null, 10));
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            CatalogSource shopify = CatalogSources.standard(ProviderSettings.defaults().withAllowPrivateNetwork(true))
                    .forProvider(Provider.SHOPIFY).orElseThrow();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            ImportCatalog imports = new ImportCatalog(database.transactions(), database.collections(),
                    database.catalog(), database.imports(), Map.of(Provider.SHOPIFY, shopify),
                    new AesGcmCredentialSealer(key), database.ids(), Clock.systemUTC(), heartbeats,
                    new ImportSettings(1000, 10, Duration.ofSeconds(30), Duration.ofSeconds(5), "bench"));
            System.out.printf(Locale.ROOT, "%s import of %,d Shopify products on %s, %d rounds (first is warm-up),"
                    + " max heap %d MiB, %d CPUs, Java %s%n", background ? "background" : "synchronous", size,
                    JdbcSettings.of(url).redactedUrl(), rounds, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Caller caller = Caller.of("bench-" + System.nanoTime(), "bench", Role.OWNER);
                rates.add(round(imports, caller, fake.account(base), background, size,
                        round == 0 ? "warm-up" : "round " + round));
            }
            List<Double> measured = new ArrayList<>(rates.subList(Math.min(1, rates.size() - 1), rates.size()));
            measured.sort(Double::compare);
            System.out.printf(Locale.ROOT, "median %,.0f products/s, best %,.0f, worst %,.0f%n",
                    measured.get(measured.size() / 2), measured.get(measured.size() - 1), measured.get(0));
        } finally {
            database.close();
            heartbeats.shutdownNow();
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private static double round(ImportCatalog imports, Caller caller, io.collections.domain.catalog.ProviderAccount
            account, boolean background, int size, String label) throws InterruptedException {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong liveAfterGc = new AtomicLong();
        Thread sampler = liveHeapSampler(liveAfterGc);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long products;
        long collectionSize;
        if (background) {
            ImportJob job = imports.submit(caller, new ImportCatalog.Command(account, null, null));
            if (!imports.runNextBackgroundJob()) {
                throw new IllegalStateException("the job was not claimed");
            }
            ImportJob done = imports.find(caller, job.id()).orElseThrow();
            if (done.status() != ImportStatus.SUCCEEDED) {
                throw new IllegalStateException("import failed: " + done.error());
            }
            products = done.processed();
            collectionSize = products - done.skipped();
        } else {
            ImportResult result = imports.execute(caller, new ImportCatalog.Command(account, null, null));
            products = result.fetched();
            collectionSize = result.collection().productCount();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        sampler.interrupt();
        sampler.join();
        if (products != size || collectionSize != size) {
            throw new IllegalStateException("imported " + collectionSize + " of " + size);
        }
        long peakMiB = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
        double rate = size / seconds;
        System.out.printf(Locale.ROOT, "  %-8s %,d products in %.2f s = %,.0f products/s, CPU %.1f s (heap peak incl."
                + " garbage %d MiB, largest live heap after a GC during the import %d MiB)%n", label, size, seconds, rate,
                cpuSeconds, peakMiB, liveAfterGc.get() >> 20);
        return rate;
    }

    /**
     * The CPU this process used, fake provider included: on a machine shared with other builds the wall time
     * varies with their load, the CPU time much less, so it is what compares two versions.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Every 5 s, a full GC and a look at what is still in use: the import's live set. */
    private static Thread liveHeapSampler(AtomicLong largest) {
        Thread sampler = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(5_000);
                    System.gc();
                    Runtime runtime = Runtime.getRuntime();
                    largest.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private static void serve(FakePlatform fake, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            FakePlatform.Answer answer = fake.answer(exchange.getRequestMethod(), exchange.getRequestURI(), body);
            for (int i = 0; i < answer.headers().length; i += 2) {
                exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }
}
