package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain changes of one collection at the same time (no {@code If-Match}) all apply: none is a 409 for having lost
 * the race with another, on the real database.
 */
class ConcurrentChangesTest extends WiredServers {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void plainPatchesOfOneCollectionAtOnceAllSucceed(String kind) throws Exception {
        Wiring.RunningServer server = start(kind, provider -> ImportServerProcess.catalog(), Map.of());
        String path = "/v1/collections/" + JSON.readTree(send(server, "POST", "/v1/collections",
                "{\"name\":\"Contended\"}").body()).get("id").asText();
        List<String> threads = List.of("0", "1", "2", "3", "4", "5", "6", "7");
        assertThat(patchAtOnce(server, path, threads, 15, (thread, k) -> "{\"image_id\":\"img-" + thread + "-" + k
                + "\"}")).isEmpty();
        assertThat(ok(send(server, "GET", path, null)).get("image_id").asText()).startsWith("img-");
    }

    /** Each thread changes its own field of one product: a change read before another's commit must not undo it. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void plainPatchesOfOneProductAtOnceKeepEveryChange(String kind) throws Exception {
        Wiring.RunningServer server = start(kind, provider -> ImportServerProcess.catalog(), Map.of());
        String path = "/v1/products/" + JSON.readTree(send(server, "POST", "/v1/products",
                "{\"name\":\"Contended\"}").body()).get("id").asText();
        List<String> fields = List.of("brand", "product_code", "model_type", "status", "tax_code",
                "country_of_origin", "brand_id", "metadata_id");
        assertThat(patchAtOnce(server, path, fields, 10, (field, k) -> "{\"" + field + "\":\"" + field + "-" + k
                + "\"}")).isEmpty();
        JsonNode product = ok(send(server, "GET", path, null));
        for (String field : fields) {
            assertThat(product.get(field).asText()).as(field).isEqualTo(field + "-9");
        }
    }

    /** One thread per name, each sending {@code times} PATCHes one after the other; the answers that were not 200. */
    private List<String> patchAtOnce(Wiring.RunningServer server, String path, List<String> threads, int times,
            BiFunction<String, Integer, String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads.size());
        try {
            List<Future<List<String>>> statuses = new ArrayList<>();
            for (String thread : threads) {
                statuses.add(pool.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    for (int k = 0; k < times; k++) {
                        HttpResponse<String> answer = send(server, "PATCH", path, body.apply(thread, k));
                        if (answer.statusCode() != 200) {
                            failures.add(answer.statusCode() + " " + answer.body());
                        }
                    }
                    return failures;
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> status : statuses) {
                failures.addAll(status.get());
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A DELETE and a PATCH sent with the same tag: the one that comes second finds the tag stale. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDeleteAndAChangeWithTheSameTagNeverBothSucceed(String kind) throws Exception {
        Wiring.RunningServer server = start(kind, provider -> ImportServerProcess.catalog(), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                for (String kindOf : List.of("collections", "products")) {
                    String path = "/v1/" + kindOf + "/" + JSON.readTree(send(server, "POST", "/v1/" + kindOf,
                            "{\"name\":\"Raced\"}").body()).get("id").asText();
                    String tag = send(server, "GET", path, null).headers().firstValue("ETag").orElseThrow();
                    CountDownLatch start = new CountDownLatch(1);
                    Future<Integer> patch = pool.submit(() -> {
                        start.await();
                        return send(server, "PATCH", path, "{\"name\":\"Changed\"}", "If-Match", tag).statusCode();
                    });
                    Future<Integer> delete = pool.submit(() -> {
                        start.await();
                        return send(server, "DELETE", path, null, "If-Match", tag).statusCode();
                    });
                    start.countDown();
                    assertThat(List.of(patch.get(), delete.get())).as(path).containsAnyOf(412, 404);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
