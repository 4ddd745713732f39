package io.collections.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.Provider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imports through the wired server (HTTP, use case, JDBC adapters, worker) on an H2 file and, when
 * {@code COLLECTIONS_TEST_POSTGRES_URL} is set, on PostgreSQL, with a scripted provider: naming, re-imports,
 * background jobs, failures that leave nothing behind, limits shared by two instances, and a crashed instance's
 * import finished by another.
 */
class ImportEndToEndTest extends WiredServers {
    static final String SECRET = "shpat_e2e-secret-0f9e8d7c6b5a";
    static final String BODY = "{\"shop\":\"acme.myshopify.com\",\"access_token\":\"" + SECRET + "\"}";
    static final String IMPORT = "/v1/collections/integrations/shopify";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void importsNameTheSecondCollectionWithASuffixAndNeverDuplicateProducts(String kind) throws Exception {
        ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 3, 20);
        Wiring.RunningServer server = start(kind, shop, Map.of());

        JsonNode first = ok(send(server, "POST", IMPORT, BODY));
        JsonNode second = ok(send(server, "POST", IMPORT, BODY));

        String today = Instant.now().toString().substring(0, 10);
        assertThat(first.get("name").asText()).isEqualTo("shopify_collection_" + today);
        assertThat(second.get("name").asText()).isEqualTo("shopify_collection_" + today + "_2");
        for (JsonNode answer : List.of(first, second)) {
            assertThat(answer.get("product_count").asLong()).isEqualTo(shop.valid());
            assertThat(answer.get("skipped_count").asLong()).isEqualTo(shop.skipped());
            assertThat(answer.get("image_count").asLong()).isEqualTo(shop.valid());
        }
        assertThat(database.count("SELECT COUNT(*) FROM products")).isEqualTo(shop.valid());
        assertThat(database.count("SELECT COUNT(*) FROM collections")).isEqualTo(2);
        JsonNode members = ok(send(server, "GET", "/v1/collections/" + second.get("id").asText()
                + "/products?limit=1000", null));
        assertThat(members).hasSize((int) shop.valid());
        assertThat(members.get(0).at("/source/external_id").asText()).isNotBlank();
        assertThat(members.get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(members.get(0).get("price").asText()).isEqualTo("19.90");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aBackgroundImportKeepsItsCredentialsSealedWhileItRunsAndErasesThemAtTheEnd(String kind) throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 3, 20);
            ScriptedShop.Hold hold = hold(shop.holdBefore(1));
            Wiring.RunningServer server = start(kind, shop, Map.of());

            HttpResponse<String> accepted = send(server, "POST", IMPORT, BODY, "Prefer", "respond-async");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            hold.awaitReached();
            // The fetch runs ahead of the writer: the first page may still be being written.
            await(() -> ok(send(server, "GET", location, null)).get("processed").asLong() == 20,
                    () -> "the first page's progress");

            JsonNode running = ok(send(server, "GET", location, null));
            assertThat(running.get("status").asText()).isEqualTo("running");
            assertThat(running.get("processed").asLong()).isEqualTo(20);
            assertThat(database.count("SELECT COUNT(*) FROM import_jobs WHERE sealed_credentials IS NOT NULL"))
                    .isEqualTo(1);
            assertThat(database.allRows()).noneMatch(row -> row.contains(SECRET));
            assertThat(ok(send(server, "GET", "/v1/collections", null))).as("nothing visible mid-import").isEmpty();
            hold.release();

            JsonNode done = awaitImport(server, location, "succeeded");
            assertThat(done.get("processed").asLong()).isEqualTo(60);
            assertThat(done.get("skipped").asLong()).isEqualTo(shop.skipped());
            JsonNode collection = ok(send(server, "GET", "/v1/collections/" + done.get("collection_id").asText(),
                    null));
            assertThat(collection.get("product_count").asLong()).isEqualTo(shop.valid());
            assertThat(database.count("SELECT COUNT(*) FROM import_jobs WHERE sealed_credentials IS NOT NULL"))
                    .as("credentials erased at the end").isZero();
            assertThat(database.allRows()).noneMatch(row -> row.contains(SECRET));
            assertThat(accepted.body() + running + done).doesNotContain(SECRET);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("POST " + IMPORT + " 202").doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aProviderThatFailsLeavesNoCollectionAndSaysWhy(String kind) throws Exception {
        ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 3, 20);
        Wiring.RunningServer server = start(kind, shop, Map.of());
        Map<CatalogFetchException.Reason, Integer> statuses = Map.of(
                CatalogFetchException.Reason.CREDENTIALS_REJECTED, 400,
                CatalogFetchException.Reason.UNAVAILABLE, 502,
                CatalogFetchException.Reason.TIMED_OUT, 504);

        for (Map.Entry<CatalogFetchException.Reason, Integer> expected : statuses.entrySet()) {
            shop.failingBefore(2, expected.getKey());
            HttpResponse<String> failed = send(server, "POST", IMPORT, BODY);
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(expected.getValue());
            assertThat(JSON.readTree(failed.body()).get("code").asInt()).isEqualTo(expected.getValue());
            assertThat(failed.body()).doesNotContain(SECRET);
        }
        shop.failingBefore(1, CatalogFetchException.Reason.UNAVAILABLE);
        String location = send(server, "POST", IMPORT, BODY, "Prefer", "respond-async").headers()
                .firstValue("Location").orElseThrow();
        JsonNode failedJob = awaitImport(server, location, "failed");

        assertThat(failedJob.get("error").asText()).contains("gave up after 5 attempts");
        assertThat(failedJob.get("collection_id").isNull()).isTrue();
        assertThat(database.count("SELECT COUNT(*) FROM collections")).isZero();
        assertThat(database.count("SELECT COUNT(*) FROM products")).as("earlier pages rolled back").isZero();
        assertThat(database.count("SELECT COUNT(*) FROM import_jobs WHERE sealed_credentials IS NOT NULL")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theDatabaseFailingMidImportLeavesNoCollection(String kind) throws Exception {
        ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 3, 20);
        Wiring.RunningServer[] running = new Wiring.RunningServer[1];
        shop.beforePage(page -> {
            if (page == 1) {
                // The pool stops under the import: its connection is aborted between two pages.
                Thread stopper = new Thread(() -> running[0].database().close());
                stopper.start();
                try {
                    stopper.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        running[0] = start(kind, shop, Map.of());

        HttpResponse<String> failed = send(running[0], "POST", IMPORT, BODY);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        assertThat(JSON.readTree(failed.body()).get("error").asText()).startsWith("internal error");
        assertThat(failed.body()).doesNotContain(SECRET).doesNotContainIgnoringCase("select");
        running[0].stop();
        servers.remove(running[0]);
        shop.beforePage(page -> { });
        Wiring.RunningServer restarted = start(kind, shop, Map.of());
        assertThat(ok(send(restarted, "GET", "/v1/collections", null))).isEmpty();
        assertThat(database.count("SELECT COUNT(*) FROM products")).isZero();
        assertThat(ok(send(restarted, "POST", IMPORT, BODY)).get("product_count").asLong())
                .as("the client can import again at once").isEqualTo(shop.valid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoInstancesShareTheRateLimit(String kind) throws Exception {
        ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 1, 10);
        ScriptedShop.Hold hold = hold(shop.holdBefore(0));
        Map<String, String> oneASecond = Map.of("COLLECTIONS_IMPORT_REQUESTS_PER_SECOND", "1");
        Wiring.RunningServer first = start(kind, shop, oneASecond);
        Wiring.RunningServer second = start(kind, shop, oneASecond);

        Thread held = new Thread(() -> send(first, "POST", IMPORT, BODY));
        held.start();
        hold.awaitReached();
        HttpResponse<String> limited = send(second, "POST", IMPORT, BODY);
        hold.release();
        held.join(30_000);

        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("\"imports\";q=1;w=1");
        assertThat(limited.headers().firstValue("RateLimit")).hasValue("\"imports\";r=0;t=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoInstancesShareTheConcurrencyLimit(String kind) throws Exception {
        ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 1, 10);
        ScriptedShop.Hold hold = hold(shop.holdBefore(0));
        Map<String, String> twoAtOnce = Map.of("COLLECTIONS_IMPORT_CONCURRENCY", "2");
        Wiring.RunningServer first = start(kind, shop, twoAtOnce);
        Wiring.RunningServer second = start(kind, shop, twoAtOnce);

        String one = location(send(first, "POST", IMPORT, BODY, "Prefer", "respond-async"));
        String two = location(send(second, "POST", IMPORT, BODY.replace("acme.", "globex."), "Prefer",
                "respond-async"));
        HttpResponse<String> refused = send(first, "POST", IMPORT, BODY);
        HttpResponse<String> refusedAsync = send(second, "POST", IMPORT, BODY, "Prefer", "respond-async");
        hold.release();

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("error").asText())
                .contains("at most 2 imports").contains("2 are queued or running");
        assertThat(refusedAsync.statusCode()).isEqualTo(403);
        awaitImport(first, one, "succeeded");
        awaitImport(second, two, "succeeded");
        assertThat(send(second, "POST", IMPORT, BODY).statusCode()).as("free again").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoImportsOfOneAccountOnOneInstanceRunOneAfterTheOther(String kind) throws Exception {
        ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 2, 10);
        Wiring.RunningServer server = start(kind, shop, Map.of());
        HttpResponse<String>[] second = new HttpResponse[1];
        String location = whileOneImportIsHeld(server, shop, BODY, second, () -> { });

        assertThat(second[0].statusCode()).as(second[0].body()).isEqualTo(200);
        assertThat(awaitImport(server, location, "succeeded").get("processed").asLong()).isEqualTo(20);
        assertThat(JSON.readTree(second[0].body()).get("product_count").asLong()).isEqualTo(shop.valid());
        assertThat(database.count("SELECT COUNT(*) FROM products")).isEqualTo(shop.valid());
        assertThat(database.count("SELECT COUNT(*) FROM collections")).isEqualTo(2);
    }

    /** Neither sees the other's collection before it commits: the name is picked under the client's names. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoImportsRunningAtOnceGetTheNameAndTheNextSuffix(String kind) throws Exception {
        ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 2, 10);
        Wiring.RunningServer server = start(kind, shop, Map.of());
        HttpResponse<String>[] second = new HttpResponse[1];
        String location = whileOneImportIsHeld(server, shop,
                "{\"shop\":\"other.myshopify.com\",\"access_token\":\"" + SECRET + "\"}", second,
                () -> await(() -> database.count("SELECT COUNT(*) FROM import_jobs WHERE status = 'RUNNING'") == 2,
                        () -> "both imports to run"));

        String today = Instant.now().toString().substring(0, 10);
        String first = ok(send(server, "GET", "/v1/collections/" + awaitImport(server, location, "succeeded")
                .get("collection_id").asText(), null)).get("name").asText();
        assertThat(List.of(first, ok(second[0]).get("name").asText())).containsExactlyInAnyOrder(
                "shopify_collection_" + today, "shopify_collection_" + today + "_2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres"})
    void twoImportsOfOneAccountOnTwoInstancesNeverDuplicateProducts(String kind) throws Exception {
        ScriptedShop shop = new ScriptedShop(Provider.SHOPIFY, 2, 10);
        ScriptedShop.Hold hold = hold(shop.holdBefore(1));
        Wiring.RunningServer first = start(kind, shop, Map.of());
        Wiring.RunningServer second = start(kind, shop, Map.of());
        first.imports().worker().stop(Duration.ZERO);
        second.imports().worker().stop(Duration.ZERO);
        Thread held = new Thread(() -> send(first, "POST", IMPORT, BODY));
        held.start();
        hold.awaitReached();

        HttpResponse<String>[] racing = new HttpResponse[1];
        Thread race = new Thread(() -> racing[0] = send(second, "POST", IMPORT, BODY));
        race.start();
        await(() -> database.count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()") > 0, () -> "the second import to wait for the first");
        hold.release();
        race.join(30_000);
        held.join(30_000);

        assertThat(racing[0].statusCode()).as(racing[0].body()).isEqualTo(409);
        assertThat(JSON.readTree(racing[0].body()).get("error").asText())
                .contains("shopify account acme.myshopify.com").contains("another import");
        assertThat(database.count("SELECT COUNT(*) FROM products")).isEqualTo(shop.valid());
        assertThat(database.count("SELECT COUNT(*) FROM collections")).isEqualTo(1);
        assertThat(ok(send(second, "POST", IMPORT, BODY)).get("product_count").asLong())
                .as("once the first has finished, importing again updates").isEqualTo(shop.valid());
        assertThat(database.count("SELECT COUNT(*) FROM products")).isEqualTo(shop.valid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theImportOfACrashedInstanceIsFinishedByAnother(String kind) throws Exception {
        ScriptedShop crashing = new ScriptedShop(Provider.SHOPIFY, 4, 20);
        ScriptedShop.Hold hold = hold(crashing.holdBefore(2));
        Wiring.RunningServer doomed = start(kind, crashing, Map.of());
        String location = location(send(doomed, "POST", IMPORT, BODY, "Prefer", "respond-async"));
        hold.awaitReached();
        await(() -> ok(send(doomed, "GET", location, null)).get("processed").asLong() == 40,
                () -> "the progress of the two pages written");

        // The instance dies: it claims nothing more, beats no more, and its import's transaction is gone.
        doomed.imports().worker().stop(Duration.ZERO);
        doomed.imports().heartbeats().shutdownNow();
        hold.crash();
        ScriptedShop healthy = new ScriptedShop(Provider.SHOPIFY, 4, 20);
        Wiring.RunningServer survivor = start(kind, healthy, Map.of());

        JsonNode done = awaitImport(survivor, location, "succeeded");

        assertThat(done.get("processed").asLong()).isEqualTo(80);
        assertThat(done.get("skipped").asLong()).isEqualTo(healthy.skipped());
        assertThat(database.count("SELECT COUNT(*) FROM collections")).isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM products")).isEqualTo(healthy.valid());
        assertThat(database.count("SELECT COUNT(DISTINCT source_external_id) FROM products"))
                .isEqualTo(healthy.valid());
        JsonNode collection = ok(send(survivor, "GET", "/v1/collections/" + done.get("collection_id").asText(),
                null));
        assertThat(collection.get("product_count").asLong()).isEqualTo(healthy.valid());
    }

    /**
     * Starts a background import that the shop holds before its second page, then a synchronous one with
     * {@code secondBody} on a thread of its own; once the second has started and {@code thenAwait} is satisfied,
     * lets both go on and waits for the second's answer, which lands in {@code second[0]}.
     *
     * @return the background import's location
     */
    private String whileOneImportIsHeld(Wiring.RunningServer server, ScriptedShop shop, String secondBody,
            HttpResponse<String>[] second, Awaited thenAwait) throws Exception {
        ScriptedShop.Hold hold = hold(shop.holdBefore(1));
        String location = location(send(server, "POST", IMPORT, BODY, "Prefer", "respond-async"));
        hold.awaitReached();
        Thread other = new Thread(() -> second[0] = send(server, "POST", IMPORT, secondBody));
        other.start();
        await(() -> database.count("SELECT COUNT(*) FROM import_jobs") == 2, () -> "the second import to start");
        thenAwait.run();
        hold.release();
        other.join(30_000);
        return location;
    }

    /** A wait that may be interrupted. */
    private interface Awaited {
        void run() throws InterruptedException;
    }

    private Wiring.RunningServer start(String kind, CatalogSource shop, Map<String, String> extra) {
        return start(kind, provider -> shop, extra);
    }
}
