package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Bad input of every kind answers the right 4xx with {"error", "code"} and changes nothing. */
class BadInputTest {
    record Case(String method, String path, String body, int status, String messagePart, String... headers) {
    }

    @Test
    void everyBadInputIsRefusedAndChangesNothing() {
        Harness.run(client -> {
            String product = client.product("{\"name\":\"Gadget one\",\"product_type\":\"Gadget\",\"price\":\"10\"}");
            String other = client.product("{\"name\":\"Plain\"}");
            String c = client.collection("{\"name\":\"Gadgets\",\"product_inclusion_rules\":"
                    + "{\"rules\":[{\"type\":\"product_type\",\"value\":\"Gadget\"}]}}");
            String enabled = client.collection("{\"name\":\"Live\",\"status\":\"ENABLED\"}");
            String archived = client.collection("{\"name\":\"Old\",\"status\":\"ARCHIVED\"}");
            String etag = client.get("/v1/collections/" + c).header("ETag");
            String staleTag = "\"" + c + "-0-1\"";

            String col = "/v1/collections";
            String one = col + "/" + c;
            String members = one + "/products";
            String deep = "{\"name\":" + "[".repeat(101) + "]".repeat(101) + "}";
            String sixtyOneRules = "{\"name\":\"x\",\"product_inclusion_rules\":{\"rules\":["
                    + IntStream.range(0, 61).mapToObj(i -> "{\"type\":\"name\",\"value\":\"v" + i + "\"}")
                    .collect(Collectors.joining(",")) + "]}}";
            String tooBig = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
            String batchOf1001 = "{\"products\":[" + IntStream.range(0, 1001).mapToObj(i -> "{\"name\":\"p\"}")
                    .collect(Collectors.joining(",")) + "]}";

            List<Case> cases = new ArrayList<>(List.of(
                    // creating a collection
                    new Case("POST", col, "{", 400, "not valid JSON"),
                    new Case("POST", col, "", 400, "empty"),
                    new Case("POST", col, "{\"name\":\"a\"}{\"name\":\"b\"}", 400, "after the JSON value"),
                    new Case("POST", col, "{\"name\":\"a\"} x", 400, "body"),
                    new Case("POST", col, deep, 400, "deeper than 100"),
                    new Case("POST", col, "{\"name\":\"a\",\"name\":\"b\"}", 400, "'name' more than once"),
                    new Case("POST", col, "[]", 400, "must be a JSON object"),
                    new Case("POST", col, "\"name\"", 400, "must be a JSON object"),
                    new Case("POST", col, "null", 400, "must be a JSON object"),
                    new Case("POST", col, "42", 400, "must be a JSON object"),
                    new Case("POST", col, "{\"name\":\"\\ud800\"}", 400, "half of a UTF-16 surrogate pair"),
                    new Case("POST", col, "{\"name\":\"a\\udc00b\"}", 400, "half of a UTF-16 surrogate pair"),
                    new Case("POST", col, "{\"name\":\"x\",\"\\ud83d\":1}", 400, "not valid JSON"),
                    new Case("POST", "/v1/products", "{\"name\":\"p\",\"tags\":[\"\\ud83d\"]}", 400, "surrogate"),
                    new Case("POST", col, "{\"name\":\"a\"}", 415, "Content-Encoding gzip", "Content-Encoding", "gzip"),
                    new Case("POST", col, "{\"name\":\"a\"}", 415, "must be UTF-8", "Content-Type",
                            "application/json; charset=iso-8859-1"),
                    new Case("POST", "/v1/products", "{\"name\":\"p\",\"syncing_paused_at\":"
                            + "\"-999999999-01-01T00:00:00+18:00\"}", 400, "between the years 0001 and 9999"),
                    new Case("POST", "/v1/products", "{\"name\":\"p\",\"syncing_paused_at\":"
                            + "\"+999999999-12-31T23:59:59-18:00\"}", 400, "between the years 0001 and 9999"),
                    new Case("POST", col, "{\"name\":5}", 400, "name must be a string"),
                    new Case("POST", col, "{\"name\":\"a\",\"match_all_rules\":\"true\"}", 400, "match_all_rules"),
                    new Case("POST", col, "{\"name\":\"a\",\"image_id\":7}", 400, "image_id"),
                    new Case("POST", col, "{\"name\":\"a\",\"colour\":\"red\"}", 400, "colour is not a field"),
                    new Case("POST", col, "{\"name\":\"a\",\"id\":\"5\"}", 400, "id is read-only"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_count\":5}", 400, "product_count is read-only"),
                    new Case("POST", col, "{\"name\":\"a\",\"created_at\":\"2024-01-07T12:30:00Z\"}", 400, "read-only"),
                    new Case("POST", col, "{\"name\":\"a\",\"updated_by\":\"me\"}", 400, "updated_by is read-only"),
                    new Case("POST", col, "{}", 400, "name is required"),
                    new Case("POST", col, "{\"name\":\"   \"}", 400, "name"),
                    new Case("POST", col, "{\"name\":\"" + "n".repeat(256) + "\"}", 400, "at most 255"),
                    new Case("POST", col, "{\"name\":\"a\",\"status\":\"LIVE\"}", 400, "status must be one of"),
                    new Case("POST", col, "{\"name\":\"a\",\"sort_by\":\"colour\"}", 400, "sort_by"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_inclusion_rules\":[]}", 400, "product_inclusion_rules"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_inclusion_rules\":{\"rules\":[{\"type\":\"name\",\"value\":\"x\"},"
                            + "{\"type\":\"colour\",\"value\":\"x\"}]}}", 400, "rules[1].type"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_inclusion_rules\":{\"rules\":[{\"type\":\"name\","
                            + "\"relation\":\"greater_than\",\"value\":\"x\"}]}}", 400, "rules[0].relation"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_inclusion_rules\":{\"rules\":[{\"type\":\"name\",\"value\":\"\"}]}}",
                            400, "rules[0].value"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_inclusion_rules\":{\"rules\":[{\"type\":\"price\","
                            + "\"relation\":\"greater_than\",\"value\":\"cheap\"}]}}", 400, "rules[0].value"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_inclusion_rules\":{\"rules\":[{\"type\":\"name\",\"value\":5}]}}",
                            400, "rules[0].value must be a string"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_inclusion_rules\":{\"rules\":[{\"type\":\"name\",\"value\":\"x\","
                            + "\"weight\":1}]}}", 400, "rules[0].weight"),
                    new Case("POST", col, "{\"name\":\"a\",\"product_inclusion_rules\":{\"rules\":[\"name\"]}}", 400, "rules[0]"),
                    new Case("POST", col, sixtyOneRules, 400, "at most 60"),
                    new Case("POST", col, "{\"name\":\"a\"}", 415, "Content-Type", "Content-Type", "text/plain"),
                    new Case("POST", col, "{\"name\":\"a\"}", 415, "Content-Type", "Content-Type", "application/xml"),
                    new Case("POST", col, tooBig, 413, "larger than 1 MiB"),
                    new Case("POST", col, "{\"name\":\"a\"}", 400, "Idempotency-Key", "Idempotency-Key", "k".repeat(256)),
                    new Case("POST", col, "{\"name\":\"\u0000\"}", 201, null),
                    // reading collections
                    new Case("GET", col + "/0", null, 400, "at least 1"),
                    new Case("GET", col + "/-1", null, 400, "digits"),
                    new Case("GET", col + "/abc", null, 400, "digits"),
                    new Case("GET", col + "/18446744073709551616", null, 400, "at most 18446744073709551615"),
                    new Case("GET", col + "/18446744073709551615", null, 404, "not found"),
                    new Case("GET", col + "/1.5", null, 400, "digits"),
                    new Case("GET", col + "?limit=0", null, 400, "limit"),
                    new Case("GET", col + "?limit=1001", null, 400, "limit"),
                    new Case("GET", col + "?limit=-1", null, 400, "limit"),
                    new Case("GET", col + "?limit=abc", null, 400, "limit"),
                    new Case("GET", col + "?limit=99999999999999999999", null, 400, "limit"),
                    new Case("GET", col + "?limit=", null, 400, "limit"),
                    new Case("GET", col + "?limit=5&limit=6", null, 400, "limit"),
                    new Case("GET", col + "?cursor=", null, 400, "cursor"),
                    new Case("GET", col + "?cursor=not-a-cursor", null, 400, "cursor"),
                    new Case("GET", col + "?cursor=" + "A".repeat(2000), null, 400, "cursor"),
                    new Case("GET", col + "?status=LIVE", null, 400, "status"),
                    new Case("GET", col + "?status=draft", null, 400, "status"),
                    new Case("GET", col + "?name=" + "n".repeat(256), null, 400, "name"),
                    new Case("GET", members + "?limit=0", null, 400, "limit"),
                    new Case("GET", members + "?cursor=bm9wZQ", null, 400, "cursor"),
                    new Case("GET", "/v1/products?limit=1001", null, 400, "limit"),
                    new Case("GET", "/v1/products?cursor=%25%25", null, 400, "cursor"),
                    // query strings that are not UTF-8 (malformed escapes: MalformedHttpTest)
                    new Case("GET", col + "?name=%C0%AF", null, 400, "UTF-8"),
                    new Case("GET", "/v1/products?name=%E2%82", null, 400, "UTF-8"),
                    new Case("PATCH", one + "?x=%FF", "{\"name\":\"changed\"}", 400, "UTF-8"),
                    new Case("POST", col + "?x=%C3", "{\"name\":\"new\"}", 400, "UTF-8"),
                    // changing a collection
                    new Case("PATCH", one, "{", 400, "not valid JSON"),
                    new Case("PATCH", one, "{}{}", 400, "after the JSON value"),
                    new Case("PATCH", one, "[{\"name\":\"x\"}]", 400, "must be a JSON object"),
                    new Case("PATCH", one, "{\"name\":null}", 400, "name cannot be null"),
                    new Case("PATCH", one, "{\"status\":null}", 400, "status cannot be null"),
                    new Case("PATCH", one, "{\"status\":\"GONE\"}", 400, "status must be one of"),
                    new Case("PATCH", one, "{\"match_all_rules\":1}", 400, "match_all_rules"),
                    new Case("PATCH", one, "{\"sort_by\":true}", 400, "sort_by"),
                    new Case("PATCH", one, "{\"id\":\"1\"}", 400, "id is read-only"),
                    new Case("PATCH", one, "{\"product_count\":0}", 400, "read-only"),
                    new Case("PATCH", one, "{\"nme\":\"typo\"}", 400, "nme is not a field"),
                    new Case("PATCH", one, "{\"product_inclusion_rules\":{\"rules\":[{\"type\":\"tag\",\"relation\":\"less_than\","
                            + "\"value\":\"x\"}]}}", 400, "rules[0].relation"),
                    new Case("PATCH", one, "{\"product_inclusion_rules\":{\"rulez\":[]}}", 400, "rulez"),
                    new Case("PATCH", one, sixtyOneRules.replace("\"name\":\"x\",", ""), 400, "at most 60"),
                    new Case("PATCH", one, "{\"name\":\"x\"}", 412, "has changed", "If-Match", staleTag),
                    new Case("PATCH", one, "{\"name\":\"x\"}", 412, "If-Match", "If-Match", "\"something-else\""),
                    new Case("PATCH", one, "{\"name\":\"x\"}", 412, "If-Match", "If-Match", "W/" + etag),
                    new Case("PATCH", one, "{\"name\":\"x\"}", 415, "Content-Type", "Content-Type", "text/csv"),
                    new Case("PATCH", one, tooBig, 413, "1 MiB"),
                    new Case("PATCH", col + "/abc", "{\"name\":\"x\"}", 400, "digits"),
                    new Case("PATCH", col + "/" + enabled, "{\"status\":\"DRAFT\"}", 409, "DISABLED, ARCHIVED"),
                    new Case("PATCH", col + "/" + archived, "{\"status\":\"ENABLED\"}", 409, "DRAFT"),
                    new Case("PATCH", col + "/" + archived, "{\"name\":\"renamed\"}", 409, "read-only"),
                    new Case("PATCH", col + "/" + archived, "{\"product_inclusion_rules\":{\"rules\":[{\"type\":\"name\",\"value\":\"x\"}]}}", 409, "ARCHIVED"),
                    new Case("PATCH", col + "/999999", "{\"name\":\"x\"}", 404, "not found"),
                    new Case("DELETE", col + "/999999", null, 404, "not found"),
                    new Case("DELETE", col + "/0", null, 400, "at least 1"),
                    // members
                    new Case("POST", members, "{\"product_id\":" + other + "}", 400, "product_id must be a string"),
                    new Case("POST", members, "{}", 400, "product_id is required"),
                    new Case("POST", members, "{\"product_id\":null}", 400, "product_id is required"),
                    new Case("POST", members, "{\"product_id\":\"0\"}", 400, "product_id"),
                    new Case("POST", members, "{\"product_id\":\"x1\"}", 400, "product_id"),
                    new Case("POST", members, "{\"product_id\":\"" + other + "\",\"quantity\":1}", 400, "quantity"),
                    new Case("POST", members, "{\"product_id\":\"999999\"}", 404, "not found"),
                    new Case("POST", members, "[\"" + other + "\"]", 400, "JSON object"),
                    new Case("POST", col + "/999999/products", "{\"product_id\":\"" + other + "\"}", 404, "not found"),
                    new Case("POST", col + "/" + archived + "/products", "{\"product_id\":\"" + other + "\"}", 409, "ARCHIVED"),
                    new Case("DELETE", members, "{\"product_id\":\"" + other + "\"}", 404, "not found"),
                    new Case("DELETE", members, null, 400, "empty"),
                    new Case("DELETE", members + "/" + other, null, 404, "not found"),
                    new Case("DELETE", members + "/abc", null, 400, "digits"),
                    new Case("DELETE", members + "/18446744073709551616", null, 400, "at most"),
                    // products
                    new Case("POST", "/v1/products", "{}", 400, "name"),
                    new Case("POST", "/v1/products", "{\"name\":7}", 400, "name must be a string"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"price\":\"1e5\"}", 400, "price"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"price\":\"cheap\"}", 400, "price"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"price\":\"-1\"}", 400, "price"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"price\":true}", 400, "price"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"weight\":1e400}", 400, "weight"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"is_tangible\":\"yes\"}", 400, "is_tangible"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"taxable\":0}", 400, "taxable"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"tags\":\"a\"}", 400, "tags"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"tags\":[1]}", 400, "tags[0]"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"tags\":[\"\"]}", 400, "tags"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"currency\":\"usd\"}", 400, "currency"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"syncing_paused_at\":\"yesterday\"}", 400, "syncing_paused_at"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"source\":{\"provider\":\"shopify\"}}", 400, "source is read-only"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"id\":\"5\"}", 400, "id is read-only"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"colour\":\"red\"}", 400, "colour"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\",\"name\":\"y\"}", 400, "more than once"),
                    new Case("POST", "/v1/products", "{\"name\":\"x\"}", 415, "Content-Type", "Content-Type", "multipart/form-data"),
                    new Case("GET", "/v1/products/abc", null, 400, "digits"),
                    new Case("GET", "/v1/products/999999", null, 404, "not found"),
                    new Case("PATCH", "/v1/products/" + product, "{\"name\":null}", 400, "name"),
                    new Case("PATCH", "/v1/products/" + product, "{\"price\":\"abc\"}", 400, "price"),
                    new Case("PATCH", "/v1/products/" + product, "{\"created_at\":\"2024-01-07T12:30:00Z\"}", 400, "read-only"),
                    new Case("PATCH", "/v1/products/" + product, "{\"name\":\"x\"}", 412, "If-Match", "If-Match", "\"nope\""),
                    new Case("PATCH", "/v1/products/999999", "{\"name\":\"x\"}", 404, "not found"),
                    new Case("DELETE", "/v1/products/999999", null, 404, "not found"),
                    // batches
                    new Case("POST", "/v1/products/batch", "[{\"name\":\"x\"}]", 400, "JSON object"),
                    new Case("POST", "/v1/products/batch", "{\"products\":[]}", 400, "1 to 1000"),
                    new Case("POST", "/v1/products/batch", "{\"products\":{}}", 400, "products"),
                    new Case("POST", "/v1/products/batch", "{\"items\":[]}", 400, "items"),
                    new Case("POST", "/v1/products/batch", batchOf1001, 400, "1 to 1000"),
                    new Case("POST", "/v1/products/batch", "{\"products\":[{\"name\":\"ok\"},{\"name\":5}]}", 400, "products[1].name"),
                    new Case("POST", "/v1/products/batch", "{\"products\":[{\"name\":\"ok\"},{\"price\":\"1\"}]}", 400, "products[1].name"),
                    new Case("POST", "/v1/products/batch", "{\"products\":[{\"name\":\"ok\"},{\"id\":\"abc\"}]}", 400, "products[1].id"),
                    new Case("POST", "/v1/products/batch", "{\"products\":[{\"name\":\"ok\"},{\"id\":\"999999\",\"name\":\"x\"}]}", 404, "999999"),
                    new Case("POST", "/v1/products/batch", "{\"products\":[{\"id\":\"" + product + "\"},{\"id\":\"" + product + "\"}]}",
                            400, "products[1].id"),
                    new Case("POST", "/v1/products/batch", "{\"products\":[{\"name\":\"x\",\"created_by\":\"me\"}]}", 400, "read-only"),
                    // routes
                    new Case("GET", "/v1/nothing-here", null, 404, "no route"),
                    new Case("GET", "/nothing", null, 404, "no route"),
                    new Case("PUT", one, "{}", 405, "allowed"),
                    new Case("POST", one, "{}", 405, "allowed"),
                    new Case("PATCH", col, "{}", 405, "allowed"),
                    new Case("DELETE", "/v1/products", null, 405, "allowed"),
                    new Case("GET", "/v1/products/batch", null, 405, "allowed: POST"),
                    new Case("DELETE", "/v1/products/" + product, null, 412, "If-Match", "If-Match", "\"nope\""),
                    new Case("DELETE", one, null, 412, "has changed", "If-Match", staleTag),
                    new Case("DELETE", one, null, 412, "If-Match", "If-Match", "\"nope\""),
                    new Case("DELETE", col + "/999999", null, 404, "not found", "If-Match", "\"nope\""),
                    new Case("PATCH", col + "/999999", "{\"name\":\"x\"}", 404, "not found", "If-Match", "\"nope\""),
                    new Case("PATCH", "/v1/products/batch", "{\"name\":\"x\"}", 405, "allowed: POST"),
                    new Case("DELETE", "/v1/products/batch", null, 405, "allowed: POST")));
            cases.removeIf(c0 -> c0.status() == 201);

            String before = snapshot(client, c);
            SoftAssertions softly = new SoftAssertions();
            for (Case bad : cases) {
                Harness.Res res = client.send(bad.method(), bad.path(), bad.body(), headers(bad));
                String what = bad.method() + " " + abbreviate(bad.path()) + " " + abbreviate(bad.body());
                softly.assertThat(res.status()).as(what + " -> " + abbreviate(res.body())).isEqualTo(bad.status());
                JsonNode json = parse(res.body());
                softly.assertThat(json != null && json.size() == 2 && json.path("error").isTextual()
                        && json.path("code").asInt() == bad.status()).as(what + " error body: " + res.body()).isTrue();
                if (bad.messagePart() != null && json != null) {
                    softly.assertThat(json.path("error").asText()).as(what).contains(bad.messagePart());
                }
                softly.assertThat(res.header("Content-Type")).as(what).startsWith("application/json");
            }
            softly.assertThat(snapshot(client, c)).as("state after the bad requests").isEqualTo(before);
            softly.assertAll();
        });
    }

    @Test
    void aWholeSurrogatePairIsText() {
        Harness.run(client -> {
            Harness.Res created = client.post("/v1/collections", "{\"name\":\"\\ud83d\\ude00 Smiles\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(parse(created.body()).path("name").asText()).isEqualTo("\ud83d\ude00 Smiles");
        });
    }

    /** Overlong forms, encoded surrogates, code points past U+10FFFF, stray and cut-off bytes. */
    @Test
    void aBodyThatIsNotUtf8IsRefusedWhereverTheBytesAre() {
        Harness.run(client -> {
            String[][] bodies = {
                {"{\"name\":\"a", "\u00c0\u00af", "b\"}"},
                {"{\"n", "\u00c1\u00a1", "me\":\"k\"}"},
                {"{\"name\":\"a", "\u00c0\u0080", "b\"}"},
                {"{\"name\":\"a", "\u00e0\u0080\u00af", "b\"}"},
                {"{\"name\":\"a", "\u00ed\u00a0\u0080", "b\"}"},
                {"{\"name\":\"a", "\u00f4\u0090\u0080\u0080", "b\"}"},
                {"{\"name\":\"a", "\u0080", "b\"}"},
                {"{\"name\":\"a", "\u00ff", "b\"}"},
                {"{\"name\":\"ab\"}", "\u00e2\u0082", ""},
            };
            for (String[] parts : bodies) {
                byte[] body = concat(parts[0].getBytes(StandardCharsets.UTF_8),
                        parts[1].getBytes(StandardCharsets.ISO_8859_1), parts[2].getBytes(StandardCharsets.UTF_8));
                Harness.Res res = client.sendBytes("POST", "/v1/collections", body, "Content-Type", "application/json");
                assertThat(res.status()).as(java.util.HexFormat.of().formatHex(body)).isEqualTo(400);
                assertThat(res.json().get("error").asText()).contains("not valid UTF-8");
            }
            byte[] wellFormed = "{\"name\":\"\u00e9\u20ac\ud83d\ude00\ufeff\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(client.sendBytes("POST", "/v1/collections", wellFormed, "Content-Type", "application/json")
                    .status()).isEqualTo(201);
            assertThat(client.get("/v1/collections").json()).hasSize(1);
        });
    }

    /** SPEC's limits are in characters: 255 emoji are one rule value, a brand, a tag or an image id. */
    @Test
    void limitsCountCharactersNotUtf16Units() {
        Harness.run(client -> {
            String emoji = "\\ud83d\\ude00";
            String value = emoji.repeat(255);
            Harness.Res collection = client.post("/v1/collections", "{\"name\":\"" + value + "\",\"image_id\":\""
                    + value + "\",\"product_inclusion_rules\":{\"rules\":[{\"type\":\"tag\",\"value\":\"" + value
                    + "\"}]}}");
            assertThat(collection.status()).as(collection.body()).isEqualTo(201);
            Harness.Res product = client.post("/v1/products", "{\"name\":\"p\",\"brand\":\"" + value
                    + "\",\"tags\":[\"" + value + "\"]}");
            assertThat(product.status()).as(product.body()).isEqualTo(201);
            assertThat(client.get("/v1/collections/" + collection.json().get("id").asText()).json()
                    .get("product_count").asInt()).isEqualTo(1);
            Harness.Res tooLong = client.post("/v1/products", "{\"name\":\"p\",\"brand\":\"" + value + "x\"}");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.json().get("error").asText()).contains("at most 255 characters");
        });
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void aBodyLargerThanItsLengthSaysIsStopped() {
        Harness.run(client -> {
            byte[] body = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + client.port + "/v1/collections"))
                    .header("Authorization", Harness.OWNER)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("\"code\":413");
            assertThat(client.get("/v1/collections").json()).isEmpty();
        });
    }

    @Test
    void aBatchMayBeLargerThanOneMebibyteButNotSixteen() {
        Harness.run(client -> {
            String description = "d".repeat(5000);
            String batch = "{\"products\":[" + IntStream.range(0, 400)
                    .mapToObj(i -> "{\"name\":\"p" + i + "\",\"commodity_description\":\"" + description + "\"}")
                    .collect(Collectors.joining(",")) + "]}";
            assertThat(batch.length()).isGreaterThan(1024 * 1024);
            Harness.Res ok = client.post("/v1/products/batch", batch);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().get("products")).hasSize(400);
            String huge = "{\"products\":[{\"name\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}]}";
            Harness.Res tooLarge = client.post("/v1/products/batch", huge);
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.json().get("error").asText()).contains("16 MiB");
        });
    }

    static String snapshot(Harness.Client client, String collectionId) {
        return client.get("/v1/collections?limit=1000").body() + "\n" + client.get("/v1/products?limit=1000").body()
                + "\n" + client.get("/v1/collections/" + collectionId + "/products?limit=1000").body();
    }

    private static String[] headers(Case bad) {
        if (bad.headers().length > 0) {
            return bad.headers();
        }
        return bad.body() == null ? new String[0] : new String[] {"Content-Type", "application/json"};
    }

    private static JsonNode parse(String body) {
        try {
            return Harness.JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
