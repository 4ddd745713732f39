package io.collections.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load scenarios against a running server, each bounded in requests and time, loopback only:
 * <ul>
 *   <li>{@code read BASE TOKEN SECONDS}: GET of one collection, closed loop at full speed, then open loop at half
 *   that rate (latency measured from each request's scheduled start, so queueing counts);</li>
 *   <li>{@code add-product BASE TOKEN COLLECTIONS PRODUCTS [commerce|broad]}: creates rule collections, then times
 *   creating single products, each re-evaluated against them all, and checks sampled counts against the rules
 *   evaluated here; {@code commerce} (the default) is {@link CommerceMix}, {@code broad} a stress mix in which a
 *   product joins about a tenth of all collections;</li>
 *   <li>{@code replace-rules BASE TOKEN PRODUCTS [REPLACEMENTS=4]}: loads a catalog in batches of 1,000, then times
 *   replacing a collection's rules (product type Gadget, then Shoe, Gadget, ... in turn: the first fills the
 *   collection, each later one swaps an eighth of the catalog out and another eighth in) and checks the answer's
 *   {@code product_count}.</li>
 * </ul>
 */
public final class LoadGenerator {
    private static final String[] TYPES = {"Gadget", "Shoe", "Lamp", "Chair", "Shirt", "Watch", "Phone", "Book"};

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LoadGenerator read|add-product|replace-rules BASE_URL TOKEN [numbers...]");
            System.exit(2);
        }
        Api api = new Api(args[1], args[2]);
        switch (args[0]) {
            case "read":
                read(api, Integer.parseInt(args[3]));
                break;
            case "add-product":
                if (args.length > 5 && args[5].equals("broad")) {
                    addProduct(api, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                } else {
                    addProductToCommerceMix(api, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                }
                break;
            case "replace-rules":
                replaceRules(api, Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 4);
                break;
            default:
                System.err.println("unknown scenario " + args[0]);
                System.exit(2);
        }
    }

    private static void read(Api api, int seconds) throws Exception {
        String id = Api.id(api.send("POST", "/v1/collections", "{\"name\":\"Read me\",\"product_inclusion_rules\":"
                + "{\"rules\":[{\"type\":\"product_type\",\"value\":\"Gadget\"}]}}", 201));
        String path = "/v1/collections/" + id;
        for (int i = 0; i < 2000; i++) {
            api.send("GET", path, null, 200);
        }
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Latencies closed = new Latencies();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                Latencies mine = new Latencies();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    api.send("GET", path, null, 200);
                    mine.add((System.nanoTime() - start) / 1000);
                }
                closed.addAll(mine);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        double rate = closed.count() / (double) seconds;
        System.out.printf(Locale.ROOT, "read closed-loop %d threads: %.0f requests/s, %s%n", threads, rate,
                closed.summary());
        int target = (int) (rate / 2);
        Latencies open = openLoop(pool, api, path, target, seconds);
        System.out.printf(Locale.ROOT, "read open-loop at %d requests/s: %s%n", target, open.summary());
        pool.shutdownNow();
    }

    private static Latencies openLoop(ExecutorService pool, Api api, String path, int perSecond, int seconds)
            throws Exception {
        Latencies latencies = new Latencies();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long total = (long) perSecond * seconds;
        AtomicLong next = new AtomicLong();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            running.add(pool.submit(() -> {
                Latencies mine = new Latencies();
                for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    long scheduled = start + n * intervalNanos;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    api.send("GET", path, null, 200);
                    mine.add((System.nanoTime() - scheduled) / 1000);
                }
                latencies.addAll(mine);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return latencies;
    }

    private static void addProductToCommerceMix(Api api, int collections, int products) throws Exception {
        Random random = new Random(20261201L);
        List<CommerceMix.Collection> mix = new ArrayList<>(collections);
        for (int i = 0; i < collections; i++) {
            mix.add(CommerceMix.collection(random, i));
        }
        String[] ids = new String[collections];
        long setupStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicLong next = new AtomicLong();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            running.add(pool.submit(() -> {
                for (int i = (int) next.getAndIncrement(); i < collections; i = (int) next.getAndIncrement()) {
                    ids[i] = Api.id(api.send("POST", "/v1/collections", mix.get(i).json(), 201));
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "created %d commerce-mix rule collections in %.1fs%n", collections,
                (System.nanoTime() - setupStart) / 1e9);
        List<CommerceMix.Product> added = new ArrayList<>(products);
        Latencies latencies = new Latencies();
        long[] micros = new long[products];
        for (int i = 0; i < products; i++) {
            CommerceMix.Product product = CommerceMix.product(random, i);
            long start = System.nanoTime();
            api.send("POST", "/v1/products", product.json(), 201);
            micros[i] = (System.nanoTime() - start) / 1000;
            latencies.add(micros[i]);
            added.add(product);
        }
        System.out.printf(Locale.ROOT, "add one product among %d rule collections (client side): %s%n", collections,
                latencies.summary());
        long joined = 0;
        int sampledProducts = Math.min(products, 200);
        long[] joinsPerProduct = new long[sampledProducts];
        for (CommerceMix.Collection collection : mix) {
            for (int p = 0; p < sampledProducts; p++) {
                if (collection.ruleSet().matches(added.get(p).details())) {
                    joined++;
                    joinsPerProduct[p]++;
                }
            }
        }
        joinsVersusLatency(joinsPerProduct, micros);
        java.util.Arrays.sort(joinsPerProduct);
        // The work of a product write grows with the collections it joins, so the latency percentiles follow these.
        System.out.printf(Locale.ROOT, "a product joins %.1f collections on average (first %d products; p50 %d,"
                + " p90 %d, p99 %d, max %d)%n", joined / (double) sampledProducts, sampledProducts,
                joinsPerProduct[sampledProducts / 2], joinsPerProduct[sampledProducts * 9 / 10],
                joinsPerProduct[Math.min(sampledProducts - 1, sampledProducts * 99 / 100)],
                joinsPerProduct[sampledProducts - 1]);
        int checked = 0;
        int wrong = 0;
        for (int c = 0; c < collections; c += Math.max(1, collections / 500)) {
            long expected = 0;
            for (CommerceMix.Product product : added) {
                if (mix.get(c).ruleSet().matches(product.details())) {
                    expected++;
                }
            }
            long counted = Api.productCount(api.send("GET", "/v1/collections/" + ids[c], null, 200));
            checked++;
            if (counted != expected) {
                wrong++;
                System.out.printf(Locale.ROOT, "collection %s counts %d, its rules match %d%n", ids[c], counted,
                        expected);
            }
        }
        System.out.printf(Locale.ROOT, "product_count checked on %d collections: %d wrong%n", checked, wrong);
    }

    /** Mean client-side latency of the sampled products by how many collections each joined (after the first 20). */
    private static void joinsVersusLatency(long[] joins, long[] micros) {
        int[] bounds = {0, 25, 50, 100, 200, Integer.MAX_VALUE};
        StringBuilder out = new StringBuilder("client-side mean by collections joined (products 20 to 199):");
        for (int b = 0; b + 1 < bounds.length; b++) {
            long sum = 0;
            int n = 0;
            for (int p = 20; p < joins.length; p++) {
                if (joins[p] >= bounds[b] && joins[p] < bounds[b + 1]) {
                    sum += micros[p];
                    n++;
                }
            }
            if (n > 0) {
                out.append(String.format(Locale.ROOT, " [%d, %s) n=%d %.1fms;", bounds[b],
                        bounds[b + 1] == Integer.MAX_VALUE ? "..." : Integer.toString(bounds[b + 1]), n,
                        sum / (double) n / 1000));
            }
        }
        System.out.println(out);
    }

    private static void addProduct(Api api, int collections, int products) {
        long setupStart = System.nanoTime();
        for (int i = 0; i < collections; i++) {
            api.send("POST", "/v1/collections", collectionWithRules(i), 201);
        }
        System.out.printf(Locale.ROOT, "created %d rule collections in %.1fs%n", collections,
                (System.nanoTime() - setupStart) / 1e9);
        Latencies latencies = new Latencies();
        for (int i = 0; i < products; i++) {
            long start = System.nanoTime();
            api.send("POST", "/v1/products", product(i), 201);
            latencies.add((System.nanoTime() - start) / 1000);
        }
        System.out.printf(Locale.ROOT, "add one product among %d rule collections: %s%n", collections,
                latencies.summary());
    }

    private static void replaceRules(Api api, int products, int replacements) throws Exception {
        long loadStart = System.nanoTime();
        for (int first = 0; first < products; first += 1000) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = first; i < Math.min(products, first + 1000); i++) {
                if (i > first) {
                    batch.append(',');
                }
                batch.append(product(i));
            }
            api.send("POST", "/v1/products/batch", "{\"products\":" + batch.append(']') + "}", 200);
        }
        System.out.printf(Locale.ROOT, "loaded %d products in %.1fs%n", products, (System.nanoTime() - loadStart) / 1e9);
        String id = Api.id(api.send("POST", "/v1/collections", "{\"name\":\"Replace me\"}", 201));
        for (int replacement = 0; replacement < replacements; replacement++) {
            String type = replacement % 2 == 0 ? "Gadget" : "Shoe";
            waitUntilServerIsIdle();
            long start = System.nanoTime();
            String answer = api.send("PATCH", "/v1/collections/" + id, "{\"product_inclusion_rules\":{\"rules\":"
                    + "[{\"type\":\"product_type\",\"value\":\"" + type + "\"}]}}", 200);
            System.out.printf(Locale.ROOT, "replace rules (product_type equals %s) over %d products: %.0f ms,"
                    + " product_count=%d (expected %d)%n", type, products, (System.nanoTime() - start) / 1e6,
                    Api.productCount(answer), expectedOfType(type, products));
        }
    }

    /**
     * After a bulk write H2 keeps serializing pages on a thread of its own for tens of seconds; a replacement
     * started then measures that tail on the shared cores. With {@code -Dserver.pid}, waits (at most two minutes)
     * until the server has used under a tenth of a core for two seconds in a row.
     */
    private static void waitUntilServerIsIdle() throws Exception {
        String pid = System.getProperty("server.pid");
        if (pid == null) {
            return;
        }
        long began = System.nanoTime();
        long last = cpuTicks(pid);
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() - began < 120_000_000_000L) {
            Thread.sleep(1000);
            long now = cpuTicks(pid);
            quietSeconds = now - last < 10 ? quietSeconds + 1 : 0;
            last = now;
        }
        System.out.printf(Locale.ROOT, "waited %.0f s for the server to be idle%n", (System.nanoTime() - began) / 1e9);
    }

    /** User and system CPU of the process so far, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(String pid) throws Exception {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long expectedOfType(String type, int products) {
        long count = 0;
        for (int i = 0; i < products; i++) {
            if (TYPES[i % TYPES.length].equals(type)) {
                count++;
            }
        }
        return count;
    }

    private static String product(int i) {
        return "{\"name\":\"Product " + i + "\",\"product_type\":\"" + TYPES[i % TYPES.length]
                + "\",\"product_code\":\"SKU-" + i + "\",\"brand\":\"Brand " + (i % 50) + "\",\"price\":\""
                + (i % 500) + ".99\",\"tags\":[\"tag" + (i % 100) + "\",\"sale\"]}";
    }

    private static String collectionWithRules(int i) {
        int rules = 1 + i % 5;
        StringBuilder json = new StringBuilder("{\"name\":\"Rules " + i + "\",\"match_all_rules\":"
                + (i % 3 != 0) + ",\"product_inclusion_rules\":{\"rules\":[");
        for (int r = 0; r < rules; r++) {
            if (r > 0) {
                json.append(',');
            }
            int pick = (i * 7 + r * 13) % 10;
            if (pick < 4) {
                json.append("{\"type\":\"product_type\",\"value\":\"").append(TYPES[(i + r) % TYPES.length]).append("\"}");
            } else if (pick < 7) {
                json.append("{\"type\":\"brand\",\"value\":\"Brand ").append((i + r) % 50).append("\"}");
            } else if (pick < 9) {
                json.append("{\"type\":\"tag\",\"value\":\"tag").append((i * 3 + r) % 100).append("\"}");
            } else {
                json.append("{\"type\":\"price\",\"relation\":\"greater_than\",\"value\":\"").append(i % 500).append("\"}");
            }
        }
        return json.append("]}}").toString();
    }
}
