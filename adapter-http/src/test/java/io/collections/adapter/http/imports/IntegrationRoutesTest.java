package io.collections.adapter.http.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.http.Harness;
import io.collections.adapter.http.TestTokens;
import io.collections.application.imports.AesGcmCredentialSealer;
import io.collections.application.imports.ImportCatalog;
import io.collections.application.imports.ImportSettings;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.catalog.CatalogSource;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.ShopifyAccount;
import io.javalin.router.ParsedEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The integration routes on a real Javalin over the in-memory adapters, with scripted providers. */
class IntegrationRoutesTest {
    private static final String SHOPIFY = "/v1/collections/integrations/shopify";
    private static final String SECRET = "shpat_do-not-show-this-0123456789";
    private static final String SHOP_BODY = "{\"shop\":\"acme.myshopify.com\",\"access_token\":\"" + SECRET + "\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-07T12:30:00Z"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final Map<Provider, ScriptedCatalogSource> sources = new EnumMap<>(Provider.class);
    private ImportCatalog importCatalog;
    private final Harness harness;

    IntegrationRoutesTest() {
        for (Provider provider : Provider.values()) {
            sources.put(provider, new ScriptedCatalogSource(provider, List.of(List.of("1", "2"), List.of("3", "bad-4"))));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        harness = Harness.withModule(adapters -> {
            importCatalog = new ImportCatalog(adapters.transactions(), adapters.collections(), adapters.catalog(),
                    adapters.imports(), Map.<Provider, CatalogSource>copyOf(sources), new AesGcmCredentialSealer(key),
                    adapters.ids(), clock, heartbeats,
                    new ImportSettings(1, 2, Duration.ofSeconds(30), Duration.ofSeconds(5), "test-instance"));
            return new ImportRoutes(importCatalog, 1);
        });
    }

    @AfterEach
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    @Test
    void aProductListedAgainIsReadButNotCountedAsSkipped() {
        sources.get(Provider.SHOPIFY).serve(List.of(List.of("1", "2", "again-1"), List.of("3", "bad-4", "again-2")));
        harness.test(client -> {
            JsonNode body = client.post(SHOPIFY, SHOP_BODY).json();
            assertThat(body.get("product_count").asLong()).isEqualTo(3);
            assertThat(body.get("skipped_count").asLong()).as("only the invalid ones (SPEC 11)").isEqualTo(1);
            assertThat(body.get("message").asText()).contains("1 skipped as invalid");

            clock.advance(Duration.ofSeconds(2));
            Harness.Res accepted = async(client, SHOP_BODY);
            assertThat(importCatalog.runNextBackgroundJob()).isTrue();
            JsonNode done = client.get(accepted.header("Location")).json();
            assertThat(done.get("status").asText()).isEqualTo("succeeded");
            assertThat(done.get("processed").asLong()).as("every product read, repeats included").isEqualTo(6);
            assertThat(done.get("skipped").asLong()).isEqualTo(1);
        });
    }

    @Test
    void importsACatalogIntoANewDatedCollection() {
        harness.test(client -> {
            Harness.Res res = client.post(SHOPIFY, SHOP_BODY);

            assertThat(res.status()).as(res.toString()).isEqualTo(200);
            JsonNode body = res.json();
            assertThat(fieldNames(body)).containsExactlyInAnyOrder("message", "id", "name", "product_count",
                    "image_count", "created_at", "skipped_count");
            assertThat(body.get("id").isTextual()).isTrue();
            assertThat(body.get("name").asText()).isEqualTo("shopify_collection_2024-01-07");
            assertThat(body.get("product_count").asLong()).isEqualTo(3);
            assertThat(body.get("image_count").asLong()).as("three own images and one shared").isEqualTo(4);
            assertThat(body.get("skipped_count").asLong()).isEqualTo(1);
            assertThat(body.get("created_at").asText()).isEqualTo("2024-01-07T12:30:00Z");
            assertThat(body.get("message").asText()).contains("3 products");
            assertThat(res.header("RateLimit-Policy")).isEqualTo("\"imports\";q=1;w=1");

            JsonNode collection = client.get("/v1/collections/" + body.get("id").asText()).json();
            assertThat(collection.get("status").asText()).isEqualTo("DRAFT");
            assertThat(collection.get("product_count").asLong()).isEqualTo(3);
            JsonNode members = client.get("/v1/collections/" + body.get("id").asText() + "/products").json();
            assertThat(members).hasSize(3);
            assertThat(members.get(0).at("/source/provider").asText()).isEqualTo("shopify");
            assertThat(members.get(0).at("/source/account").asText()).isEqualTo("acme.myshopify.com");
            assertThat(sources.get(Provider.SHOPIFY).accounts).containsExactly(
                    new ShopifyAccount("acme.myshopify.com", SECRET));
        });
    }

    @Test
    void theSecondImportOfTheDayGetsASuffixAndUpdatesTheSameProducts() {
        harness.test(client -> {
            assertThat(client.post(SHOPIFY, SHOP_BODY).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(2));
            Harness.Res second = client.post(SHOPIFY, SHOP_BODY);
            clock.advance(Duration.ofSeconds(2));
            Harness.Res third = client.post(SHOPIFY, SHOP_BODY);
            clock.advance(Duration.ofSeconds(2));
            Harness.Res named = client.post(SHOPIFY, "{\"shop\":\"acme.myshopify.com\",\"access_token\":\"t\","
                    + "\"name\":\"Spring catalog\",\"status\":\"ENABLED\"}");

            assertThat(second.json().get("name").asText()).isEqualTo("shopify_collection_2024-01-07_2");
            assertThat(third.json().get("name").asText()).isEqualTo("shopify_collection_2024-01-07_3");
            assertThat(named.json().get("name").asText()).isEqualTo("Spring catalog");
            assertThat(client.get("/v1/collections/" + named.json().get("id").asText()).json().get("status").asText())
                    .isEqualTo("ENABLED");
            assertThat(client.get("/v1/products").json()).as("re-imports update, never duplicate").hasSize(3);
            assertThat(client.get("/v1/collections").json()).hasSize(4);
        });
    }

    @Test
    void everyProviderTakesItsOwnBody() {
        harness.test(client -> {
            String[][] bodies = {
                {"google-merchant", "{\"merchant_id\":\"1234567\",\"access_token\":\"ya29.secret\"}"},
                {"algolia", "{\"application_id\":\"APP1\",\"api_key\":\"key-secret\",\"index_name\":\"products\","
                        + "\"attribute_mapping\":{\"name\":\"title\",\"brand\":\"vendor\",\"price\":\"price.USD\"}}"},
                {"woocommerce", "{\"store_url\":\"https://shop.example.com\",\"consumer_key\":\"ck_1\","
                        + "\"consumer_secret\":\"cs_1\"}"},
            };
            for (String[] provider : bodies) {
                clock.advance(Duration.ofSeconds(2));
                Harness.Res res = client.post("/v1/collections/integrations/" + provider[0], provider[1]);
                assertThat(res.status()).as(provider[0] + ": " + res).isEqualTo(200);
                assertThat(res.json().get("name").asText()).isEqualTo(provider[0] + "_collection_2024-01-07");
            }
            assertThat(sources.get(Provider.ALGOLIA).accounts.get(0).toString())
                    .contains("attribute_mapping={").contains("name=title").contains("brand=vendor");
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "/v1/collections/integrations/etsy|" + "{}|provider must be one of shopify, google-merchant, algolia, woocommerce",
        "/v1/collections/integrations/Shopify|{}|provider must be one of",
        SHOPIFY + "|[]|body must be a JSON object",
        SHOPIFY + "|{\"shop\":\"a\"|body is not valid JSON",
        SHOPIFY + "|{\"shop\":\"a\",\"shop\":\"b\",\"access_token\":\"t\"}|more than once",
        SHOPIFY + "|{}|shop, access_token are required",
        SHOPIFY + "|{\"shop\":\"acme.myshopify.com\",\"access_token\":\"\"}|access_token is required",
        SHOPIFY + "|{\"shop\":\"  \",\"access_token\":\"t\"}|shop is required",
        SHOPIFY + "|{\"shop\":1,\"access_token\":\"t\"}|shop must be a string, got a number",
        SHOPIFY + "|{\"shop\":\"a\",\"access_token\":[\"t\"]}|access_token must be a string, got an array",
        SHOPIFY + "|{\"shop\":\"a\",\"access_token\":\"t\",\"merchant_id\":\"1\"}|merchant_id is not a field of a shopify import",
        SHOPIFY + "|{\"shop\":\"a\",\"access_token\":\"t\",\"attribute_mapping\":{}}|attribute_mapping is not a field",
        SHOPIFY + "|{\"shop\":\"a\",\"access_token\":\"t\",\"status\":\"LIVE\"}|status",
        SHOPIFY + "|{\"shop\":\"a\",\"access_token\":\"t\",\"status\":true}|status must be a string",
        SHOPIFY + "|{\"shop\":\"a\",\"access_token\":\"t\",\"name\":\"  \"}|name",
        SHOPIFY + "|{\"shop\":\"a\",\"access_token\":\"t\",\"id\":\"1\"}|id is not a field",
        "/v1/collections/integrations/google-merchant|{\"merchant_id\":\"1\"}|access_token is required",
        "/v1/collections/integrations/algolia|{\"application_id\":\"A\"}|api_key, index_name are required",
        "/v1/collections/integrations/algolia|{\"application_id\":\"A\",\"api_key\":\"k\",\"index_name\":\"i\","
                + "\"attribute_mapping\":[]}|attribute_mapping must be a JSON object",
        "/v1/collections/integrations/algolia|{\"application_id\":\"A\",\"api_key\":\"k\",\"index_name\":\"i\","
                + "\"attribute_mapping\":{\"name\":7}}|attribute_mapping.name must be a string",
        "/v1/collections/integrations/algolia|{\"application_id\":\"A\",\"api_key\":\"k\",\"index_name\":\"i\","
                + "\"attribute_mapping\":{\"name\":\"\"}}|attribute_mapping.name must be a non-empty attribute name",
        "/v1/collections/integrations/algolia|{\"application_id\":\"A\",\"api_key\":\"k\",\"index_name\":\"i\","
                + "\"attribute_mapping\":{\"colour\":\"c\"}}|maps colour, which is not a field that can be mapped; these can: name,",
        "/v1/collections/integrations/woocommerce|{\"store_url\":\"https://s\",\"consumer_key\":\"\","
                + "\"consumer_secret\":\"\"}|consumer_key, consumer_secret are required",
    })
    void badBodiesAre400sThatChangeNothing(String path, String body, String message) {
        harness.test(client -> {
            Harness.Res res = client.post(path, body.replace("\"t\"", "\"" + SECRET + "\""));

            assertThat(res.status()).as(res.toString()).isEqualTo(400);
            assertThat(res.json().get("code").asInt()).isEqualTo(400);
            assertThat(res.json().get("error").asText()).contains(message);
            assertThat(res.body()).doesNotContain(SECRET);
            assertThat(client.get("/v1/collections").json()).isEmpty();
            assertThat(client.post(SHOPIFY, SHOP_BODY).status())
                    .as("a refused body does not use up the client's request of this second").isEqualTo(200);
        });
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        harness.test(client -> {
            Harness.Res res = client.send("POST", SHOPIFY, SHOP_BODY, "Content-Type", "text/plain");
            assertThat(res.status()).isEqualTo(415);
            assertThat(client.get("/v1/collections").json()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"CREDENTIALS_REJECTED,400", "NOT_FOUND,400", "BAD_REQUEST,400", "UNAVAILABLE,502", "TIMED_OUT,504"})
    void aFailedImportSaysWhyAndLeavesNoCollection(CatalogFetchException.Reason reason, int status) {
        sources.get(Provider.SHOPIFY).failAfter(1, reason);
        harness.test(client -> {
            Harness.Res res = client.post(SHOPIFY, SHOP_BODY);

            assertThat(res.status()).as(res.toString()).isEqualTo(status);
            assertThat(res.json().get("code").asInt()).isEqualTo(status);
            assertThat(res.json().get("error").asText()).startsWith("shopify: ");
            assertThat(res.body()).doesNotContain(SECRET);
            assertThat(client.get("/v1/collections").json()).as("no collection after a failure").isEmpty();
            assertThat(client.get("/v1/products").json()).as("the first page's products rolled back").isEmpty();
        });
    }

    @Test
    void theSecondRequestWithinASecondIsA429WithRateLimitHeaders() {
        harness.test(client -> {
            assertThat(client.post(SHOPIFY, SHOP_BODY).status()).isEqualTo(200);
            clock.advance(Duration.ofMillis(400));

            Harness.Res limited = client.post(SHOPIFY, SHOP_BODY);

            assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
            assertThat(limited.json().get("code").asInt()).isEqualTo(429);
            assertThat(limited.json().get("error").asText()).contains("1 import request per second");
            assertThat(limited.header("Retry-After")).isEqualTo("1");
            assertThat(limited.header("RateLimit-Policy")).isEqualTo("\"imports\";q=1;w=1");
            assertThat(limited.header("RateLimit")).isEqualTo("\"imports\";r=0;t=1");
            Harness.Res otherClient = client.as(TestTokens.bearer("globex", "gina", "Admin"))
                    .post(SHOPIFY, SHOP_BODY);
            assertThat(otherClient.status()).as("other clients are not affected").isEqualTo(200);
            clock.advance(Duration.ofMillis(700));
            assertThat(client.post(SHOPIFY, SHOP_BODY).status()).isEqualTo(200);
            assertThat(client.get("/v1/collections").json()).hasSize(2);
        });
    }

    @Test
    void theImportBeyondTheConcurrencyLimitIsA403NamingIt() {
        harness.test(client -> {
            for (int i = 0; i < 2; i++) {
                assertThat(async(client, SHOP_BODY).status()).isEqualTo(202);
                clock.advance(Duration.ofSeconds(2));
            }

            Harness.Res refused = client.post(SHOPIFY, SHOP_BODY);
            clock.advance(Duration.ofSeconds(2));
            Harness.Res refusedAsync = async(client, SHOP_BODY);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).contains("at most 2 imports").contains("2 are queued");
            assertThat(refusedAsync.status()).isEqualTo(403);
            clock.advance(Duration.ofSeconds(2));
            assertThat(client.as(TestTokens.bearer("globex", "gina", "DataEditor")).post(SHOPIFY, SHOP_BODY)
                    .status()).as("other clients are not affected").isEqualTo(200);
            assertThat(importCatalog.runNextBackgroundJob()).isTrue();
            assertThat(client.post(SHOPIFY, SHOP_BODY).status()).as("one slot is free again").isEqualTo(200);
        });
    }

    @Test
    void onlyWritingRolesMayImport() {
        harness.test(client -> {
            for (String role : List.of("Viewer", "")) {
                Harness.Res res = client.as(TestTokens.bearer("acme", "vera", role)).post(SHOPIFY, SHOP_BODY);
                assertThat(res.status()).as(role).isEqualTo(403);
            }
            assertThat(client.as(null).post(SHOPIFY, SHOP_BODY).status()).isEqualTo(401);
            for (String role : List.of("Owner", "Admin", "DataEditor")) {
                clock.advance(Duration.ofSeconds(2));
                Harness.Res res = client.as(TestTokens.bearer("acme", "w", role)).post(SHOPIFY, SHOP_BODY);
                assertThat(res.status()).as(role).isEqualTo(200);
            }
        });
    }

    @Test
    void anAsyncImportAnswers202AndIsFollowedToItsEnd() {
        harness.test(client -> {
            Harness.Res accepted = async(client, SHOP_BODY);

            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.header("Preference-Applied")).isEqualTo("respond-async");
            String location = accepted.header("Location");
            assertThat(location).matches("/v1/imports/[0-9]+");
            assertThat(accepted.json().get("status").asText()).isEqualTo("queued");
            assertThat(accepted.body()).doesNotContain(SECRET).doesNotContain("sealed").doesNotContain("lease");
            JsonNode queued = client.get(location).json();
            assertThat(fieldNames(queued)).containsExactlyInAnyOrder("id", "provider", "status", "processed",
                    "skipped", "collection_id", "error", "created_at", "updated_at");
            assertThat(queued.get("status").asText()).isEqualTo("queued");
            assertThat(queued.get("provider").asText()).isEqualTo("shopify");
            assertThat(queued.get("collection_id").isNull()).isTrue();
            assertThat(client.get("/v1/collections").json()).isEmpty();

            assertThat(importCatalog.runNextBackgroundJob()).isTrue();

            JsonNode done = client.get(location).json();
            assertThat(done.get("status").asText()).isEqualTo("succeeded");
            assertThat(done.get("processed").asLong()).isEqualTo(4);
            assertThat(done.get("skipped").asLong()).isEqualTo(1);
            assertThat(done.get("error").isNull()).isTrue();
            JsonNode collection = client.get("/v1/collections/" + done.get("collection_id").asText()).json();
            assertThat(collection.get("name").asText()).isEqualTo("shopify_collection_2024-01-07");
            assertThat(collection.get("product_count").asLong()).isEqualTo(3);
        });
    }

    @Test
    void aFailedAsyncImportReportsWhyAndMakesNoCollection() {
        sources.get(Provider.SHOPIFY).failAfter(1, CatalogFetchException.Reason.CREDENTIALS_REJECTED);
        harness.test(client -> {
            String location = async(client, SHOP_BODY).header("Location");

            assertThat(importCatalog.runNextBackgroundJob()).isTrue();

            JsonNode failed = client.get(location).json();
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.get("error").asText()).contains("refused for the test");
            assertThat(failed.get("processed").asLong()).isEqualTo(2);
            assertThat(failed.get("collection_id").isNull()).isTrue();
            assertThat(client.get("/v1/collections").json()).isEmpty();
            assertThat(client.get("/v1/products").json()).isEmpty();
        });
    }

    @Test
    void anImportIsSeenOnlyByItsOwnClient() {
        harness.test(client -> {
            String location = async(client, SHOP_BODY).header("Location");
            Harness.Client other = client.as(TestTokens.bearer("globex", "gina", "Owner"));

            Harness.Res hidden = other.get(location);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.json().get("code").asInt()).isEqualTo(404);
            assertThat(client.as(TestTokens.bearer("acme", "vic", "Viewer")).get(location).status())
                    .as("a viewer of the same client may read it").isEqualTo(200);
            assertThat(client.get("/v1/imports/999999").status()).isEqualTo(404);
            for (String bad : List.of("abc", "0", "18446744073709551616", "-1")) {
                assertThat(client.get("/v1/imports/" + bad).status()).as(bad).isEqualTo(400);
            }
        });
    }

    @Test
    void anIdempotencyKeyReplaysTheImportInsteadOfRunningItAgain() {
        harness.test(client -> {
            Harness.Res first = client.send("POST", SHOPIFY, SHOP_BODY, "Content-Type", "application/json",
                    "Idempotency-Key", "import-1");
            clock.advance(Duration.ofSeconds(2));
            Harness.Res again = client.send("POST", SHOPIFY, SHOP_BODY, "Content-Type", "application/json",
                    "Idempotency-Key", "import-1");

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(client.get("/v1/collections").json()).hasSize(1);
        });
    }

    @Test
    void credentialsNeverReachTheLog() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            sources.get(Provider.SHOPIFY).failAfter(1, CatalogFetchException.Reason.UNAVAILABLE);
            harness.testWithLogs(client -> {
                client.post(SHOPIFY, SHOP_BODY);
                clock.advance(Duration.ofSeconds(2));
                client.post(SHOPIFY, "{\"shop\":1,\"access_token\":\"" + SECRET + "\"}");
                async(client, SHOP_BODY);
                importCatalog.runNextBackgroundJob();
            });
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("POST " + SHOPIFY + " 502");
        assertThat(log).doesNotContain(SECRET);
    }

    @Test
    void theOpenApiDocumentListsTheIntegrationRoutes() {
        harness.test(client -> {
            JsonNode doc = client.as(null).get("/openapi.json").json();
            Set<String> documented = new HashSet<>();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            Set<String> registered = new HashSet<>();
            for (ParsedEndpoint endpoint : harness.app.unsafe.internalRouter.allHttpHandlers()) {
                // HEAD mirrors each GET and is not documented separately (see OperationsTest).
                if (endpoint.endpoint.method.isHttpMethod()
                        && endpoint.endpoint.method != io.javalin.http.HandlerType.HEAD) {
                    registered.add(endpoint.endpoint.method.name() + " " + endpoint.endpoint.path);
                }
            }
            assertThat(registered).contains("POST /v1/collections/integrations/{provider}", "GET /v1/imports/{id}");
            assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
            JsonNode post = doc.at("/paths/~1v1~1collections~1integrations~1{provider}/post");
            assertThat(post.at("/parameters/0/schema/enum").toString())
                    .isEqualTo("[\"shopify\",\"google-merchant\",\"algolia\",\"woocommerce\"]");
            assertThat(post.at("/responses/202/headers/Location").isMissingNode()).isFalse();
            assertThat(post.at("/responses/429").isMissingNode()).isFalse();
            assertThat(post.at("/responses/502").isMissingNode()).isFalse();
            assertThat(post.at("/responses/504").isMissingNode()).isFalse();
            for (String schema : List.of("IntegrationImport", "IntegrationCollection", "Import")) {
                assertThat(doc.at("/components/schemas/" + schema).isMissingNode()).as(schema).isFalse();
            }
            Set<String> answered = fieldNames(client.post(SHOPIFY, SHOP_BODY).json());
            Set<String> schemaFields = fieldNames(doc.at("/components/schemas/IntegrationCollection/properties"));
            assertThat(schemaFields).isEqualTo(answered);
        });
    }

    private static Harness.Res async(Harness.Client client, String body) {
        return client.send("POST", SHOPIFY, body, "Content-Type", "application/json", "Prefer",
                "respond-async, wait=5");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    /** A clock the test moves by hand, so the one-request-per-second limit is under its control. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
