package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One log line per request: method, path, status, time, request id; never a query string, header or body. */
class RequestLogTest {
    @Test
    void logsOneLinePerRequestWithoutSecrets() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new Harness().testWithLogs(client -> {
                client.send("POST", "/v1/collections?token=query-secret", "{\"name\":\"body-secret\"}",
                        "Content-Type", "application/json", "X-Request-Id", "req-42");
            });
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("io.collections.adapter.http.requests")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("POST /v1/collections 201").contains("request_id=req-42").contains("ms")
                .containsPattern("POST /v1/collections 201 \\d+\\.\\dms request_id=req-42$");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("query-secret")
                .doesNotContain("body-secret").doesNotContain("Bearer");
    }
}
