package io.collections.bench;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.RuleIndex;
import io.collections.domain.rule.RuleSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule index among 100,000 collections (distribution in {@link BenchData}): the latency of one
 * {@code matching(product)} call on one thread, and the time to build the index. Targets: p99 of matching at most
 * 1 ms; build at most 1 s.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(1)
public class RuleIndexBenchmark {

    /** A built index and a pool of products it is asked about, folded beforehand as a product read once is. */
    @State(Scope.Benchmark)
    public static class Matching {
        @Param("100000")
        int collections;

        RuleIndex<Integer> index;
        ProductDetails[] products;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            index = RuleIndexFootprint.build(BenchData.ruleSets(1, collections));
            products = BenchData.products(2, 10_000, true).toArray(new ProductDetails[0]);
        }
    }

    /** The rule sets of the collections, generated once; each invocation builds a fresh index from them. */
    @State(Scope.Benchmark)
    public static class Building {
        @Param("100000")
        int collections;

        List<RuleSet> ruleSets;

        @Setup(Level.Trial)
        public void setUp() {
            ruleSets = BenchData.ruleSets(1, collections);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Integer> matching(Matching state) {
        ProductDetails product = state.products[state.next];
        state.next = state.next + 1 == state.products.length ? 0 : state.next + 1;
        return state.index.matching(product);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RuleIndex<Integer> build(Building state) {
        return RuleIndexFootprint.build(state.ruleSets);
    }
}
