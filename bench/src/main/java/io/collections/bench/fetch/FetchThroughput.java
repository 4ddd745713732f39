package io.collections.bench.fetch;

import io.collections.adapter.providers.CatalogSources;
import io.collections.adapter.providers.fetch.ProviderSettings;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.FetchSummary;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ProviderAccount;
import io.collections.domain.product.ProductDetails;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fetch, parse and map throughput of one provider's fetcher against a local fake of its API ({@link FakeServer},
 * a JDK HTTP server on loopback in a process of its own, answering in the platform's wire format), with the
 * production fetcher, client and retry policy. Usage: {@code FetchThroughput <provider> [products=100000] [rounds=5]}; the first round warms up.
 * Run with {@code -Xmx256m} to show that memory is bounded by a page. Each round also reports the process's CPU
 * time (the fetcher's alone), which, unlike wall time, does not depend on what else the machine runs.
 */
public final class FetchThroughput {
    private FetchThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Provider provider = Provider.fromPathName(args.length > 0 ? args[0] : "shopify");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        FakePlatform fake = FakePlatforms.create(provider, size);

        Process server = startFake(provider, size);
        try {
            int port = portOf(server);
            String base = "http://127.0.0.1:" + port;
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
            server.getOutputStream().close();
            server.destroy();
        }
    }

    /** The fake in a JVM of its own (its page cache must not share the fetcher's heap), on this classpath. */
    private static Process startFake(Provider provider, int size) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                FakeServer.class.getName(), provider.pathName(), Integer.toString(size))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int portOf(Process server) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.startsWith("port ")) {
            throw new IllegalStateException("the fake server did not start: " + line);
        }
        return Integer.parseInt(line.substring(5).strip());
    }

    private static double round(CatalogSource source, ProviderAccount account, int size, String label) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] products = {0};
        long[] priceCents = {0};
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        FetchSummary summary = source.fetch(account, page -> {
            for (ProductDetails product : page.products()) {
                products[0]++;
                priceCents[0] += product.price().movePointRight(2).longValue();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        if (products[0] != size || summary.skipped() != 0) {
            throw new IllegalStateException("fetched " + products[0] + " of " + size + ", skipped "
                    + summary.skipped());
        }
        long peakMiB = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
        double rate = products[0] / seconds;
        System.out.printf(Locale.ROOT, "  %-8s %,d products in %.2f s = %,.0f products/s; process CPU %.2f s ="
                + " %,.0f products per CPU-second (%d pages, %d retries, heap peak incl. garbage %d MiB, price"
                + " checksum %d)%n", label, products[0], seconds, rate, cpuSeconds, products[0] / cpuSeconds,
                summary.pages(), summary.retries(), peakMiB, priceCents[0]);
        return rate;
    }

    /**
     * Untimed: one more fetch that, halfway through, collects garbage and reads the heap still in use. That is the
     * fetch's live set (client, current page, guard memory), whatever the catalog's size.
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

}
