package io.collections.bench;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.InclusionRule;
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
 * One collection's rule set evaluated over 1,000,000 products held in memory, as when a collection's rules
 * change and its matches are recomputed. Products are built and folded in setup, so the scan measures rule
 * evaluation only. Target: at most 200 ms.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(1)
@State(Scope.Benchmark)
public class RuleSetScanBenchmark {
    @Param("1000000")
    int products;

    /**
     * all3: product_type equals, price greater_than, tag contains (ALL); any3: the same rules matching ANY;
     * text3: name contains, brand starts_with, product_category not_equals (ALL).
     */
    @Param({"all3", "any3", "text3"})
    String rules;

    ProductDetails[] catalog;
    RuleSet ruleSet;

    @Setup(Level.Trial)
    public void setUp() {
        catalog = BenchData.products(3, products, true).toArray(new ProductDetails[0]);
        List<InclusionRule> all = List.of(
                InclusionRule.of("product_type", "equals", BenchData.TYPES[3]),
                InclusionRule.of("price", "greater_than", "50"),
                InclusionRule.of("tag", "contains", "tag 1"));
        switch (rules) {
            case "all3":
                ruleSet = new RuleSet(all, true);
                break;
            case "any3":
                ruleSet = new RuleSet(all, false);
                break;
            default:
                ruleSet = new RuleSet(List.of(
                        InclusionRule.of("name", "contains", "ab"),
                        InclusionRule.of("brand", "starts_with", "BRAND 1"),
                        InclusionRule.of("product_category", "not_equals", BenchData.CATEGORIES[0])), true);
        }
        int matched = scan();
        System.out.printf("%n%s matches %,d of %,d products%n", rules, matched, catalog.length);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int scan() {
        int matched = 0;
        for (ProductDetails product : catalog) {
            if (ruleSet.matches(product)) {
                matched++;
            }
        }
        return matched;
    }
}
