package io.collections.bench;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.RuleIndex;
import io.collections.domain.rule.RuleSet;
import java.util.List;

/**
 * Reports the heap a built rule index holds beyond its rule sets: used heap after several full GCs, before and
 * after building, with the rule sets already in memory. Also prints how many collections a typical product
 * matches, to show the benchmark's data is not vacuous. Run with
 * {@code java -Xmx2g -cp bench/target/benchmarks.jar io.collections.bench.RuleIndexFootprint [collections]}.
 */
public final class RuleIndexFootprint {
    private RuleIndexFootprint() {
    }

    static RuleIndex<Integer> build(List<RuleSet> ruleSets) {
        RuleIndex.Builder<Integer> builder = RuleIndex.builder();
        for (int key = 0; key < ruleSets.size(); key++) {
            builder.add(key, ruleSets.get(key));
        }
        return builder.build();
    }

    public static void main(String[] args) {
        int collections = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<RuleSet> ruleSets = BenchData.ruleSets(1, collections);
        List<ProductDetails> products = BenchData.products(2, 10_000, true);
        build(ruleSets);
        long before = usedAfterGc();
        long start = System.nanoTime();
        RuleIndex<Integer> index = build(ruleSets);
        long buildNanos = System.nanoTime() - start;
        long after = usedAfterGc();
        long rules = ruleSets.stream().mapToLong(r -> r.rules().size()).sum();
        long matches = 0;
        for (ProductDetails product : products) {
            matches += index.matching(product).size();
        }
        long withScratch = usedAfterGc();
        System.out.printf("collections: %,d, rules: %,d%n", index.size(), rules);
        System.out.printf("one cold build (after one warm-up build): %.1f ms%n", buildNanos / 1e6);
        System.out.printf("index heap (without rule sets): %.1f MiB (%.0f bytes per collection)%n",
                (after - before) / 1048576.0, (after - before) / (double) collections);
        System.out.printf("index heap after matching on one thread (plus per-thread scratch): %.1f MiB%n",
                (withScratch - before) / 1048576.0);
        System.out.printf("average collections matched per product: %.1f%n", matches / (double) products.size());
        if (index.size() != collections) {
            throw new IllegalStateException();
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
