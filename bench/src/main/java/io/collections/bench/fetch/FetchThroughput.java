package io.collections.bench.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.collections.adapter.providers.CatalogSources;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.product.ProductDetails;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetch, parse and map throughput of one provider's fetcher against a local fake of its API (a JDK HTTP server on
 * loopback, pages generated on the fly in the platform's wire format), with the production fetcher, client and
 * retry policy. Usage: {@code FetchThroughput <provider> [products=100000] [rounds=5]}; the first round warms up.
 * Run with {@code -Xmx256m} to show that memory is bounded by a page.
 */
public final class FetchThroughput {
    private FetchThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Provider provider = Provider.fromPathName(args.length > 0 ? args[0] : "shopify");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        FakePlatform fake = FakePlatforms.create(provider, size);

        ExecutorService workers = Executors.newFixedThreadPool(2);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(fake, exchange));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ProviderSettings settings = fake.settings(ProviderSettings.defaults().withAllowPrivateNetwork(true), base);
            CatalogSource source = CatalogSources.standard(settings).forProvider(provider)
                    .orElseThrow(() -> new IllegalStateException("no fetcher for " + provider.pathName()));
            ProviderAccount account = fake.account(base);
            System.out.printf(Locale.ROOT, "%s: %,d products, %d rounds (first is warm-up), max heap %d MiB, %d CPUs,"
                    + " Java %s%n", provider.pathName(), size, rounds, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                rates.add(round(source, account, size, round == 0 ? "warm-up" : "round " + round));
            }
            liveHeapMidFetch(source, account, size);
            List<Double> measured = new ArrayList<>(rates.subList(Math.min(1, rates.size() - 1), rates.size()));
            measured.sort(Double::compare);
            System.out.printf(Locale.ROOT, "%s: median %,.0f products/s, best %,.0f, worst %,.0f%n",
                    provider.pathName(), measured.get(measured.size() / 2), measured.get(measured.size() - 1),
                    measured.get(0));
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private static double round(CatalogSource source, ProviderAccount account, int size, String label) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] products = {0};
        long[] priceCents = {0};
        long start = System.nanoTime();
        FetchSummary summary = source.fetch(account, page -> {
            for (ProductDetails product : page.products()) {
                products[0]++;
                priceCents[0] += product.price().movePointRight(2).longValue();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (products[0] != size || summary.skipped() != 0) {
            throw new IllegalStateException("fetched " + products[0] + " of " + size + ", skipped "
                    + summary.skipped());
        }
        long peakMiB = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
        double rate = products[0] / seconds;
        System.out.printf(Locale.ROOT, "  %-8s %,d products in %.2f s = %,.0f products/s (%d pages, %d retries,"
                + " heap peak incl. garbage %d MiB, price checksum %d)%n", label, products[0], seconds, rate,
                summary.pages(), summary.retries(), peakMiB, priceCents[0]);
        return rate;
    }

    /**
     * Untimed: one more fetch that, halfway through, collects garbage and reads the heap still in use. That is the
     * fetch's live set (client, current page, guard memory) plus the fake's, whatever the catalog's size.
     */
    private static void liveHeapMidFetch(CatalogSource source, ProviderAccount account, int size) {
        long[] seen = {0};
        long[] liveMiB = {-1};
        source.fetch(account, page -> {
            seen[0] += page.products().size();
            if (liveMiB[0] < 0 && seen[0] >= size / 2) {
                System.gc();
                Runtime runtime = Runtime.getRuntime();
                liveMiB[0] = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
            }
        });
        System.out.printf(Locale.ROOT, "  live heap halfway through a fetch, after a full GC: %d MiB%n", liveMiB[0]);
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
