package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server process killed with {@code kill -9} in the middle of a background import: on PostgreSQL another
 * instance, on an H2 file the same one restarted, takes the import over and finishes it exactly. And one stopped
 * with SIGTERM in the middle of a synchronous import answers it before it closes the database.
 */
class KilledInstanceTest extends WiredServers {
    private Process child;

    @AfterEach
    void killTheChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theImportOfAKilledInstanceIsFinishedByTheNext(String kind) throws Exception {
        database = TestDatabase.of(kind, directory);
        child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ImportServerProcess.class.getName(),
                database.url(), SECRET_KEY)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int port = port(child);
        String location = location(send(port, "POST", "/v1/collections/integrations/shopify",
                ImportEndToEndTest.BODY, "Prefer", "respond-async"));
        await(() -> ok(send(port, "GET", location, null)).get("processed").asLong() >= 60,
                () -> "the child to be half-way through the import");

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        ScriptedShop catalog = ImportServerProcess.catalog();
        Wiring.RunningServer successor = start(kind, provider -> catalog, Map.of());
        JsonNode done = awaitImport(successor, location, "succeeded");

        assertThat(done.get("processed").asLong()).isEqualTo(catalog.valid() + catalog.skipped());
        assertThat(done.get("skipped").asLong()).isEqualTo(catalog.skipped());
        assertThat(database.count("SELECT COUNT(*) FROM collections")).isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM products")).isEqualTo(catalog.valid());
        assertThat(database.count("SELECT COUNT(DISTINCT source_external_id) FROM products"))
                .isEqualTo(catalog.valid());
        JsonNode collection = ok(send(successor, "GET", "/v1/collections/" + done.get("collection_id").asText(),
                null));
        assertThat(collection.get("product_count").asLong()).isEqualTo(catalog.valid());
    }

    @Test
    void sigtermLetsASynchronousImportInFlightFinishBeforeTheDatabaseCloses() throws Exception {
        database = TestDatabase.of("h2", directory);
        child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ImportServerProcess.class.getName(),
                database.url(), SECRET_KEY)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int port = Integer.parseInt(awaitLine(out, "PORT ").substring(5).strip());
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() ->
                send(port, "POST", "/v1/collections/integrations/shopify", ImportEndToEndTest.BODY));
        awaitLine(out, "PAGE 3"); // of twelve, the slow ones 200 ms each: the import is under way

        child.destroy();

        JsonNode imported = ok(answer.get(60, TimeUnit.SECONDS));
        ScriptedShop catalog = ImportServerProcess.catalog();
        assertThat(imported.get("product_count").asLong()).isEqualTo(catalog.valid());
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("ended by SIGTERM").isEqualTo(143);
        assertThat(database.count("SELECT COUNT(*) FROM collections")).isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM products")).isEqualTo(catalog.valid());
    }

    private static int port(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        return Integer.parseInt(awaitLine(out, "PORT ").substring(5).strip());
    }

    /** The child's next line of standard output that starts with {@code prefix}. */
    private static String awaitLine(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child server ended before printing " + prefix);
    }
}
