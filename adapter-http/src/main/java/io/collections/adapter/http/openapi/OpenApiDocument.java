package io.collections.adapter.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.adapter.http.json.CollectionInput;
import io.collections.adapter.http.json.ProductInput;
import io.collections.adapter.http.routes.ApiRoutes;
import io.collections.adapter.http.routes.Operation;
import io.collections.domain.catalog.Provider;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.rule.Relation;
import io.collections.domain.rule.RuleType;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the OpenAPI 3.1 document of the registered routes, with the schemas of every body and answer. */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String BEARER = "bearerAuth";

    private final ObjectMapper mapper;

    public OpenApiDocument(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode build(List<ApiRoutes.Route> routes, Map<String, JsonNode> extraSchemas) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Collections API");
        info.put("version", "1.0");
        info.put("description", "Collections of commerce products, chosen by hand, by rules, or both. Ids are "
                + "unsigned 64-bit integers written as decimal strings; timestamps are ISO-8601 UTC. Every error "
                + "answers {\"error\", \"code\"}. POST honours Idempotency-Key for 24 hours.");
        doc.putArray("security").addObject().putArray(BEARER);
        Set<String> tags = new TreeSet<>();
        ObjectNode paths = doc.putObject("paths");
        for (ApiRoutes.Route route : routes) {
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path())
                    : paths.putObject(route.path());
            path.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
            tags.add(route.operation().tag());
        }
        ArrayNode tagList = doc.putArray("tags");
        tags.forEach(tag -> tagList.addObject().put("name", tag));
        ObjectNode components = doc.putObject("components");
        ObjectNode bearer = components.putObject("securitySchemes").putObject(BEARER);
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "A JWT signed with the server's key (HS256, RS256 or ES256), with exp, sub,"
                + " client_id and roles (Owner, Admin, DataEditor: read and write; Viewer: read). A 401 carries"
                + " WWW-Authenticate: Bearer and says which check failed.");
        ObjectNode schemas = components.putObject("schemas");
        schemas(schemas);
        extraSchemas.forEach(schemas::set);
        return doc;
    }

    private ObjectNode operation(ApiRoutes.Route route) {
        Operation op = route.operation();
        ObjectNode node = mapper.createObjectNode();
        node.put("operationId", operationId(route));
        node.put("summary", op.summary());
        node.putArray("tags").add(op.tag());
        if (op.secured()) {
            node.putArray("security").addObject().putArray(BEARER);
        } else {
            node.putArray("security");
        }
        ArrayNode parameters = mapper.createArrayNode();
        Matcher m = PATH_PARAMETER.matcher(route.path());
        while (m.find()) {
            ObjectNode p = parameters.addObject();
            p.put("name", m.group(1));
            p.put("in", "path");
            p.put("required", true);
            p.set("schema", m.group(1).equals("provider") ? providerSchema() : idSchema());
        }
        for (String name : op.queryParameters()) {
            ObjectNode p = parameters.addObject();
            p.put("name", name);
            p.put("in", "query");
            p.put("required", false);
            p.set("schema", querySchema(name));
        }
        if (route.method() == HandlerType.POST && op.secured()) {
            header(parameters, "Idempotency-Key", "Repeats within 24 hours replay the first answer");
        }
        if (honoursIfMatch(route)) {
            header(parameters, "If-Match", "An ETag from a GET; a mismatch is a 412");
        }
        if (route.method() == HandlerType.GET && route.path().endsWith("{id}")) {
            header(parameters, "If-None-Match", "An ETag; a match answers 304");
        }
        if (!parameters.isEmpty()) {
            node.set("parameters", parameters);
        }
        if (op.requestSchema() != null) {
            ObjectNode body = node.putObject("requestBody");
            body.put("required", true);
            body.putObject("content").putObject("application/json").set("schema", ref(op.requestSchema()));
        }
        ObjectNode responses = node.putObject("responses");
        ObjectNode success = responses.putObject(Integer.toString(op.status()));
        success.put("description", op.status() == 201 ? "Created" : "OK");
        if (op.responseSchema().equals("text")) {
            success.putObject("content").putObject("text/plain").putObject("schema").put("type", "string");
        } else {
            success.putObject("content").putObject("application/json").set("schema", ref(op.responseSchema()));
        }
        ObjectNode headers = mapper.createObjectNode();
        if (op.status() == 201) {
            headers.putObject("Location").putObject("schema").put("type", "string");
        }
        if (op.queryParameters().contains("cursor")) {
            headers.putObject("Link").put("description", "<...>; rel=\"next\" when there is another page")
                    .putObject("schema").put("type", "string");
        }
        if (op.responseSchema().equals("Collection") || op.responseSchema().equals("Product")) {
            headers.putObject("ETag").putObject("schema").put("type", "string");
        }
        if (!headers.isEmpty()) {
            success.set("headers", headers);
        }
        for (Operation.Alternative alternative : op.alternatives()) {
            ObjectNode other = responses.putObject(Integer.toString(alternative.status()));
            other.put("description", alternative.description());
            other.putObject("content").putObject("application/json").set("schema", ref(alternative.schema()));
            if (alternative.status() == 202) {
                other.putObject("headers").putObject("Location").putObject("schema").put("type", "string");
            }
        }
        if (op.secured()) {
            for (int status : errorStatuses(route)) {
                ObjectNode error = responses.putObject(Integer.toString(status));
                error.put("description", describe(status));
                error.putObject("content").putObject("application/json").set("schema", ref("Error"));
            }
        } else if (route.path().equals("/health")) {
            ObjectNode down = responses.putObject("503");
            down.put("description", "The database does not answer");
            down.putObject("content").putObject("application/json").set("schema", ref("Health"));
        }
        return node;
    }

    /** PATCH, and DELETE of a collection or product itself. */
    private static boolean honoursIfMatch(ApiRoutes.Route route) {
        return route.method() == HandlerType.PATCH
                || route.method() == HandlerType.DELETE && route.path().endsWith("/{id}");
    }

    private static List<Integer> errorStatuses(ApiRoutes.Route route) {
        Set<Integer> statuses = new LinkedHashSet<>(List.of(400, 401, 403));
        if (route.path().contains("{")) {
            statuses.add(404);
        }
        if (route.operation().requestSchema() != null) {
            statuses.add(413);
            statuses.add(415);
        }
        if (route.method() == HandlerType.PATCH || route.path().contains("/products")
                && route.path().startsWith("/v1/collections")) {
            statuses.add(409);
        }
        if (honoursIfMatch(route)) {
            statuses.add(412);
        }
        if (route.method() == HandlerType.POST) {
            statuses.add(409);
            statuses.add(422);
        }
        statuses.addAll(route.operation().extraErrors());
        return List.copyOf(new TreeSet<>(statuses));
    }

    private static String describe(int status) {
        switch (status) {
            case 400: return "Bad input: malformed JSON, wrong types, unknown or read-only fields, bad ids or values";
            case 401: return "Missing, malformed, badly signed, expired or not yet valid token, or a wrong issuer or"
                    + " audience";
            case 403: return "No known role, a Viewer writing, or a processing limit reached";
            case 404: return "Not found, or another client's";
            case 409: return "A lifecycle conflict, an archived collection, an idempotent request still running, or"
                    + " another request changing the same rows at this moment (try again)";
            case 412: return "If-Match does not match";
            case 413: return "The body is too large";
            case 415: return "The body is not JSON, declares a charset other than UTF-8, or is content-encoded";
            case 422: return "The Idempotency-Key was used with a different request";
            case 429: return "Too many requests; Retry-After says when to try again";
            case 502: return "The provider failed, or kept failing after retries";
            case 504: return "The provider was too slow";
            default: return "Error";
        }
    }

    private static String operationId(ApiRoutes.Route route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/.{}_-]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private void header(ArrayNode parameters, String name, String description) {
        ObjectNode p = parameters.addObject();
        p.put("name", name);
        p.put("in", "header");
        p.put("required", false);
        p.put("description", description);
        p.putObject("schema").put("type", "string");
    }

    private ObjectNode querySchema(String name) {
        ObjectNode schema = mapper.createObjectNode();
        switch (name) {
            case "limit":
                schema.put("type", "integer").put("minimum", 1).put("maximum", 1000).put("default", 100);
                break;
            case "status":
                schema.put("type", "string");
                enumOf(schema, Arrays.stream(CollectionStatus.values()).map(Enum::name).toList());
                break;
            default:
                schema.put("type", "string");
                break;
        }
        return schema;
    }

    private ObjectNode ref(String name) {
        ObjectNode schema = mapper.createObjectNode();
        if (name.endsWith("[]")) {
            schema.put("type", "array");
            schema.putObject("items").put("$ref", "#/components/schemas/" + name.substring(0, name.length() - 2));
        } else {
            schema.put("$ref", "#/components/schemas/" + name);
        }
        return schema;
    }

    private ObjectNode providerSchema() {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "string");
        enumOf(schema, Arrays.stream(Provider.values()).map(Provider::pathName).toList());
        return schema;
    }

    private ObjectNode idSchema() {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "string");
        schema.put("pattern", "^[0-9]{1,20}$");
        schema.put("description", "An unsigned 64-bit integer as a decimal string, 1 to 18446744073709551615");
        return schema;
    }

    private void schemas(ObjectNode schemas) {
        ObjectNode error = object(schemas.putObject("Error"), true);
        error.withObjectProperty("properties").putObject("error").put("type", "string");
        error.withObjectProperty("properties").putObject("code").put("type", "integer");
        required(error, "error", "code");

        schemas.putObject("Empty").put("type", "object").put("maxProperties", 0);

        ObjectNode rule = object(schemas.putObject("Rule"), true);
        enumOf(rule.withObjectProperty("properties").putObject("type").put("type", "string"),
                Arrays.stream(RuleType.values()).map(RuleType::wireName).toList());
        enumOf(rule.withObjectProperty("properties").putObject("relation").put("type", "string").put("default", "equals"),
                Arrays.stream(Relation.values()).map(Relation::wireName).toList());
        rule.withObjectProperty("properties").putObject("value").put("type", "string").put("minLength", 1).put("maxLength", 255);
        required(rule, "type", "value");

        ObjectNode rules = object(schemas.putObject("Rules"), true);
        ObjectNode ruleArray = rules.withObjectProperty("properties").putObject("rules");
        ruleArray.put("type", "array").put("maxItems", 60).set("items", ref("Rule"));
        required(rules, "rules");

        ObjectNode collection = object(schemas.putObject("Collection"), false);
        ObjectNode cp = collection.withObjectProperty("properties");
        cp.set("id", idSchema());
        cp.putObject("name").put("type", "string");
        enumOf(cp.putObject("status").put("type", "string"),
                Arrays.stream(CollectionStatus.values()).map(Enum::name).toList());
        nullable(cp.putObject("image_id"), "string");
        cp.set("product_inclusion_rules", ref("Rules"));
        cp.putObject("match_all_rules").put("type", "boolean");
        enumOf(cp.putObject("sort_by").put("type", "string"),
                Arrays.stream(SortOrder.values()).map(SortOrder::wireName).toList());
        cp.putObject("product_count").put("type", "integer").put("readOnly", true);
        for (String field : List.of("created_at", "updated_at")) {
            cp.putObject(field).put("type", "string").put("format", "date-time").put("readOnly", true);
        }
        for (String field : List.of("created_by", "updated_by")) {
            cp.putObject(field).put("type", "string").put("readOnly", true);
        }
        required(collection, cp.properties().stream().map(Map.Entry::getKey).toArray(String[]::new));

        ObjectNode create = object(schemas.putObject("CollectionCreate"), true);
        ObjectNode patch = object(schemas.putObject("CollectionPatch"), true);
        for (String field : CollectionInput.WRITABLE.stream().sorted().toList()) {
            JsonNode schema = cp.get(field).deepCopy();
            create.withObjectProperty("properties").set(field, schema);
            ObjectNode nullableSchema = field.equals("name") || field.equals("status")
                    ? (ObjectNode) schema.deepCopy()
                    : mapper.createObjectNode().set("anyOf", mapper.createArrayNode().add(schema.deepCopy())
                            .add(mapper.createObjectNode().put("type", "null")));
            patch.withObjectProperty("properties").set(field, nullableSchema);
        }
        ((ObjectNode) create.withObjectProperty("properties").get("name")).put("minLength", 1).put("maxLength", 255);
        required(create, "name");

        ObjectNode input = object(schemas.putObject("ProductInput"), true);
        ObjectNode product = object(schemas.putObject("Product"), false);
        ObjectNode pp = product.withObjectProperty("properties");
        pp.set("id", idSchema());
        for (ProductInput.Field field : ProductInput.FIELDS.values()) {
            ObjectNode schema = fieldSchema(field.kind());
            input.withObjectProperty("properties").set(field.name(), schema);
            pp.set(field.name(), schema.deepCopy());
        }
        for (String field : List.of("created_at", "updated_at")) {
            pp.putObject(field).put("type", "string").put("format", "date-time").put("readOnly", true);
        }
        for (String field : List.of("created_by", "updated_by")) {
            pp.putObject(field).put("type", "string").put("readOnly", true);
        }
        ObjectNode source = pp.putObject("source");
        source.putArray("type").add("object").add("null");
        source.put("readOnly", true);
        for (String field : List.of("provider", "account", "external_id")) {
            source.withObjectProperty("properties").putObject(field).put("type", "string");
        }
        for (String field : List.of("created_at", "updated_at")) {
            nullable(source.withObjectProperty("properties").putObject(field), "string").put("format", "date-time")
                    .put("description", "When the provider says the product was " + (field.startsWith("created")
                            ? "created" : "last updated") + " there; null when it does not say");
        }
        required(source, "provider", "account", "external_id", "created_at", "updated_at");
        required(product, pp.properties().stream().map(Map.Entry::getKey).toArray(String[]::new));

        ObjectNode batchItem = (ObjectNode) input.deepCopy();
        batchItem.put("description", "With id: a merge patch of that product; without: a new product");
        ((ObjectNode) batchItem.get("properties")).set("id", idSchema());
        ObjectNode batch = object(schemas.putObject("ProductBatch"), true);
        batch.withObjectProperty("properties").putObject("products").put("type", "array").put("minItems", 1)
                .put("maxItems", 1000).set("items", batchItem);
        required(batch, "products");
        ObjectNode batchResult = object(schemas.putObject("ProductBatchResult"), false);
        batchResult.withObjectProperty("properties").set("products", ref("Product[]"));
        required(batchResult, "products");

        ObjectNode reference = object(schemas.putObject("ProductReference"), true);
        reference.withObjectProperty("properties").set("product_id", idSchema());
        required(reference, "product_id");

        ObjectNode health = object(schemas.putObject("Health"), false);
        health.withObjectProperty("properties").putObject("status").put("type", "string");
        health.withObjectProperty("properties").putObject("database").put("type", "string");
        required(health, "status", "database");

        schemas.putObject("OpenApi").put("type", "object");
    }

    private ObjectNode fieldSchema(ProductInput.Kind kind) {
        ObjectNode schema = mapper.createObjectNode();
        switch (kind) {
            case BOOLEAN:
                schema.put("type", "boolean");
                break;
            case DECIMAL:
                nullable(schema, "string");
                schema.put("pattern", "^-?[0-9]+(\\.[0-9]+)?$");
                schema.put("description", "A plain decimal string, such as \"12.50\"");
                break;
            case TIMESTAMP:
                nullable(schema, "string");
                schema.put("format", "date-time");
                break;
            case TEXT_LIST:
                schema.put("type", "array");
                schema.putObject("items").put("type", "string");
                break;
            default:
                nullable(schema, "string");
                break;
        }
        return schema;
    }

    private static ObjectNode object(ObjectNode schema, boolean closed) {
        schema.put("type", "object");
        schema.putObject("properties");
        if (closed) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    private static void required(ObjectNode schema, String... names) {
        ArrayNode required = schema.putArray("required");
        for (String name : names) {
            required.add(name);
        }
    }

    private static ObjectNode nullable(ObjectNode schema, String type) {
        schema.putArray("type").add(type).add("null");
        return schema;
    }

    private static void enumOf(ObjectNode schema, List<String> values) {
        ArrayNode array = schema.putArray("enum");
        values.forEach(array::add);
    }
}
