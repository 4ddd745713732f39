package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document matches the routes; 404/405 bodies; health; metrics; request ids; ETags. */
class OperationsTest {
    @Test
    void theOpenApiDocumentListsExactlyTheRegisteredRoutes() {
        Harness harness = new Harness();
        harness.test(client -> {
            Harness.Res res = client.as(null).get("/openapi.json");
            assertThat(res.status()).isEqualTo(200);
            JsonNode doc = res.json();
            assertThat(doc.get("openapi").asText()).startsWith("3.1");
            assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
            Set<String> documented = new HashSet<>();
            Iterator<String> paths = doc.get("paths").fieldNames();
            while (paths.hasNext()) {
                String path = paths.next();
                doc.get("paths").get(path).fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
            }
            Set<String> registered = new HashSet<>();
            Set<String> heads = new HashSet<>();
            for (ParsedEndpoint endpoint : harness.app.unsafe.internalRouter.allHttpHandlers()) {
                if (endpoint.endpoint.method == io.javalin.http.HandlerType.HEAD) {
                    heads.add("GET " + endpoint.endpoint.path);
                } else if (endpoint.endpoint.method.isHttpMethod()) {
                    registered.add(endpoint.endpoint.method.name() + " " + endpoint.endpoint.path);
                }
            }
            assertThat(registered).hasSize(18);
            assertThat(heads).as("HEAD mirrors each secured GET, so it is authenticated too")
                    .containsExactlyInAnyOrderElementsOf(registered.stream()
                            .filter(route -> route.startsWith("GET /v1/")).toList());
            assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
            assertThat(doc.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
            for (String route : documented) {
                String[] parts = route.split(" ");
                JsonNode operation = doc.get("paths").get(parts[1]).get(parts[0].toLowerCase(Locale.ROOT));
                if (parts[1].startsWith("/v1/")) {
                    assertThat(operation.at("/security/0/bearerAuth").isArray()).as(route + " needs the bearer")
                            .isTrue();
                    assertThat(operation.at("/responses/401/content/application~1json/schema/$ref").asText())
                            .as(route).isEqualTo("#/components/schemas/Error");
                    assertThat(operation.at("/responses/403").isMissingNode()).as(route).isFalse();
                } else {
                    assertThat(operation.get("security")).as(route + " is open").isEmpty();
                }
            }
            for (String ref : refs(doc)) {
                assertThat(doc.at("/components/schemas/" + ref).isMissingNode()).as(ref).isFalse();
            }
            JsonNode product = doc.at("/components/schemas/Product/properties");
            Set<String> productFields = new HashSet<>();
            product.fieldNames().forEachRemaining(productFields::add);
            String p = client.product("{\"name\":\"p\"}");
            Set<String> answered = new HashSet<>();
            client.get("/v1/products/" + p).json().fieldNames().forEachRemaining(answered::add);
            assertThat(productFields).isEqualTo(answered);
            String c = client.collection("{\"name\":\"c\"}");
            Set<String> collectionFields = new HashSet<>();
            doc.at("/components/schemas/Collection/properties").fieldNames().forEachRemaining(collectionFields::add);
            Set<String> answeredCollection = new HashSet<>();
            client.get("/v1/collections/" + c).json().fieldNames().forEachRemaining(answeredCollection::add);
            assertThat(collectionFields).isEqualTo(answeredCollection);
        });
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerTheErrorBody() {
        Harness.run(client -> {
            Harness.Res missing = client.get("/v2/collections");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("code").asInt()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isNotBlank();
            Harness.Res wrong = client.send("PUT", "/v1/products", "{}", "Content-Type", "application/json");
            assertThat(wrong.status()).isEqualTo(405);
            assertThat(wrong.json().get("code").asInt()).isEqualTo(405);
            assertThat(wrong.header("Allow")).contains("GET").contains("POST");
        });
    }

    @Test
    void healthAsksTheDatabase() {
        Harness harness = new Harness();
        harness.test(client -> {
            Harness.Res up = client.as(null).get("/health");
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().toString()).isEqualTo("{\"status\":\"ok\",\"database\":\"ok\"}");
            harness.databaseUp.set(false);
            Harness.Res down = client.as(null).get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("code").asInt()).isEqualTo(503);
        });
    }

    @Test
    void metricsCountRequestsPerRouteTemplate() {
        Harness.run(client -> {
            String c = client.collection("{\"name\":\"c\"}");
            client.get("/v1/collections/" + c);
            client.get("/v1/collections/999999");
            String metrics = client.as(null).get("/metrics").body();
            assertThat(metrics).contains(
                    "http_server_requests_seconds_count{method=\"GET\",route=\"/v1/collections/{id}\",status=\"200\"} 1");
            assertThat(metrics).contains(
                    "http_server_requests_seconds_count{method=\"GET\",route=\"/v1/collections/{id}\",status=\"404\"} 1");
            assertThat(metrics).contains("route=\"/v1/collections\",status=\"201\"");
            assertThat(metrics).doesNotContain("999999");
        });
    }

    @Test
    void everyAnswerCarriesARequestId() {
        Harness.run(client -> {
            assertThat(client.get("/v1/collections").header("X-Request-Id")).isNotBlank();
            assertThat(client.send("GET", "/v1/collections", null, "X-Request-Id", "abc-123").header("X-Request-Id"))
                    .isEqualTo("abc-123");
            assertThat(client.send("GET", "/v1/collections", null, "X-Request-Id", "bad id\u00e9").header("X-Request-Id"))
                    .isNotEqualTo("bad id\u00e9").isNotBlank();
            assertThat(client.get("/nowhere").header("X-Request-Id")).isNotBlank();
        });
    }

    @Test
    void etagsAndConditionalRequests() {
        Harness.run(client -> {
            String c = client.collection("{\"name\":\"c\"}");
            Harness.Res read = client.get("/v1/collections/" + c);
            String etag = read.header("ETag");
            assertThat(etag).startsWith("\"").endsWith("\"");
            assertThat(client.send("GET", "/v1/collections/" + c, null, "If-None-Match", etag).status()).isEqualTo(304);
            Harness.Res patched = client.send("PATCH", "/v1/collections/" + c, "{\"name\":\"d\"}",
                    "Content-Type", "application/json", "If-Match", etag);
            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.header("ETag")).isNotEqualTo(etag);
            Harness.Res stale = client.send("PATCH", "/v1/collections/" + c, "{\"name\":\"e\"}",
                    "Content-Type", "application/json", "If-Match", etag);
            assertThat(stale.status()).isEqualTo(412);
            assertThat(client.get("/v1/collections/" + c).json().get("name").asText()).isEqualTo("d");
            assertThat(client.send("PATCH", "/v1/collections/" + c, "{\"name\":\"f\"}",
                    "Content-Type", "application/json", "If-Match", "*").status()).isEqualTo(200);
            assertThat(client.send("PATCH", "/v1/collections/" + c, "{\"name\":\"g\"}",
                    "Content-Type", "application/json", "If-Match", etag + ", " + patched.header("ETag")).status())
                    .isEqualTo(412);

            String p = client.product("{\"name\":\"p\"}");
            String productTag = client.get("/v1/products/" + p).header("ETag");
            assertThat(client.send("GET", "/v1/products/" + p, null, "If-None-Match", productTag).status()).isEqualTo(304);
            Harness.Res changed = client.send("PATCH", "/v1/products/" + p, "{\"name\":\"q\"}",
                    "Content-Type", "application/json", "If-Match", productTag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(client.send("PATCH", "/v1/products/" + p, "{\"name\":\"r\"}",
                    "Content-Type", "application/json", "If-Match", productTag).status()).isEqualTo(412);

            assertThat(client.send("DELETE", "/v1/products/" + p, null, "If-Match", productTag).status()).isEqualTo(412);
            assertThat(client.send("DELETE", "/v1/products/" + p, null, "If-Match", changed.header("ETag")).status())
                    .isEqualTo(200);
            assertThat(client.get("/v1/products/" + p).status()).isEqualTo(404);
            assertThat(client.send("DELETE", "/v1/collections/" + c, null, "If-Match", etag).status()).isEqualTo(412);
            String current = client.get("/v1/collections/" + c).header("ETag");
            assertThat(client.send("DELETE", "/v1/collections/" + c, null, "If-Match", current).status()).isEqualTo(200);
            assertThat(client.get("/v1/collections/" + c).status()).isEqualTo(404);
        });
    }

    @Test
    void oddlyEncodedRequestsAreNeverServerErrors() {
        Harness.run(client -> {
            for (String target : new String[] {"/v1/collections?name=%ZZ", "/v1/collections?limit=%", "/v1/collections/%ZZ",
                    "/v1/collections/%E2%82%AC", "/v1/products?cursor=%C3%28"}) {
                try (java.net.Socket socket = new java.net.Socket("localhost", client.port)) {
                    socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                            + Harness.OWNER + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(answer).as(target).startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 5");
                }
            }
        });
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> refs = new HashSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().asText().replace("#/components/schemas/", ""));
                } else {
                    refs.addAll(refs(entry.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> refs.addAll(refs(item)));
        }
        return refs;
    }
}
