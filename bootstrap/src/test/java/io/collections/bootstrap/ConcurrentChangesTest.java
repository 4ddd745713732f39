package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
