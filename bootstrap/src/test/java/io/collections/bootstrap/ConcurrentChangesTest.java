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
        String id = JSON.readTree(send(server, "POST", "/v1/collections", "{\"name\":\"Contended\"}").body()).get("id")
                .asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> statuses = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                statuses.add(pool.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    for (int k = 0; k < 15; k++) {
                        HttpResponse<String> answer = send(server, "PATCH", "/v1/collections/" + id,
                                "{\"image_id\":\"img-" + thread + "-" + k + "\"}");
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
            assertThat(failures).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(ok(send(server, "GET", "/v1/collections/" + id, null)).get("image_id").asText())
                .startsWith("img-");
    }
    /** Each thread changes its own field of one product: a change read before another's commit must not undo it. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void plainPatchesOfOneProductAtOnceKeepEveryChange(String kind) throws Exception {
        Wiring.RunningServer server = start(kind, provider -> ImportServerProcess.catalog(), Map.of());
        String id = JSON.readTree(send(server, "POST", "/v1/products", "{\"name\":\"Contended\"}").body()).get("id")
                .asText();
        List<String> fields = List.of("brand", "product_code", "model_type", "status", "tax_code",
                "country_of_origin", "brand_id", "metadata_id");
        ExecutorService pool = Executors.newFixedThreadPool(fields.size());
        try {
            List<Future<List<String>>> statuses = new ArrayList<>();
            for (String field : fields) {
                statuses.add(pool.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    for (int k = 0; k < 10; k++) {
                        HttpResponse<String> answer = send(server, "PATCH", "/v1/products/" + id,
                                "{\"" + field + "\":\"" + field + "-" + k + "\"}");
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
            assertThat(failures).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        JsonNode product = ok(send(server, "GET", "/v1/products/" + id, null));
        for (String field : fields) {
            assertThat(product.get(field).asText()).as(field).isEqualTo(field + "-9");
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
