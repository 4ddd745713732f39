package io.collections.adapter.http.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collections.application.imports.ImportStatus;
import io.collections.domain.catalog.Provider;
import io.collections.domain.collection.CollectionStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The OpenAPI component schemas of the integration routes, built from the same field lists the parser uses. */
final class ImportSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ImportSchemas() {
    }

    static Map<String, JsonNode> all() {
        return Map.of("IntegrationImport", request(), "IntegrationCollection", collection(), "Import", job());
    }

    private static ObjectNode request() {
        ObjectNode schema = NODES.objectNode();
        schema.put("description", "The body of the provider named in the path: its credential fields, all"
                + " required and non-empty, plus an optional name and status");
        ArrayNode oneOf = schema.putArray("oneOf");
        for (Provider provider : Provider.values()) {
            ObjectNode body = oneOf.addObject();
            body.put("title", provider.pathName());
            body.put("type", "object");
            body.put("additionalProperties", false);
            ObjectNode properties = body.putObject("properties");
            ArrayNode required = body.putArray("required");
            for (String field : ImportInput.credentialFields(provider)) {
                properties.putObject(field).put("type", "string").put("minLength", 1);
                required.add(field);
            }
            if (provider == Provider.ALGOLIA) {
                ObjectNode mapping = properties.putObject("attribute_mapping");
                mapping.put("type", "object");
                mapping.put("description", "Our product field to the index's attribute name");
                mapping.put("maxProperties", ImportInput.MAX_MAPPING_ENTRIES);
                ObjectNode mapped = mapping.putObject("properties");
                for (String field : ImportInput.ALGOLIA_MAPPABLE_FIELDS) {
                    mapped.putObject(field).put("type", "string").put("minLength", 1)
                            .put("maxLength", ImportInput.MAX_MAPPING_TEXT);
                }
                mapping.put("additionalProperties", false);
            }
            properties.putObject("name").put("type", "string").put("minLength", 1).put("maxLength", 255)
                    .put("description", "Instead of {provider}_collection_{yyyy-MM-dd}");
            enumOf(properties.putObject("status").put("type", "string").put("default", "DRAFT"),
                    Arrays.stream(CollectionStatus.values()).map(Enum::name).toList());
        }
        return schema;
    }

    private static ObjectNode collection() {
        ObjectNode schema = closed();
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("message").put("type", "string");
        properties.set("id", id());
        properties.putObject("name").put("type", "string");
        properties.putObject("product_count").put("type", "integer");
        properties.putObject("image_count").put("type", "integer")
                .put("description", "Distinct image URLs of the members");
        properties.putObject("created_at").put("type", "string").put("format", "date-time");
        properties.putObject("skipped_count").put("type", "integer")
                .put("description", "Products read from the provider but skipped as invalid");
        required(schema, "message", "id", "name", "product_count", "image_count", "created_at", "skipped_count");
        return schema;
    }

    private static ObjectNode job() {
        ObjectNode schema = closed();
        ObjectNode properties = schema.putObject("properties");
        properties.set("id", id());
        enumOf(properties.putObject("provider").put("type", "string"),
                Arrays.stream(Provider.values()).map(Provider::pathName).toList());
        enumOf(properties.putObject("status").put("type", "string"),
                Arrays.stream(ImportStatus.values()).map(ImportStatus::wireName).toList());
        properties.putObject("processed").put("type", "integer")
                .put("description", "Products read from the provider so far: valid, invalid, or listed again");
        properties.putObject("skipped").put("type", "integer").put("description", "The invalid ones among them");
        ObjectNode collectionId = id();
        collectionId.putArray("type").add("string").add("null");
        properties.set("collection_id", collectionId);
        properties.putObject("error").putArray("type").add("string").add("null");
        properties.putObject("created_at").put("type", "string").put("format", "date-time");
        properties.putObject("updated_at").put("type", "string").put("format", "date-time");
        required(schema, "id", "provider", "status", "processed", "skipped", "collection_id", "error", "created_at",
                "updated_at");
        return schema;
    }

    private static ObjectNode closed() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        return schema;
    }

    private static ObjectNode id() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "string");
        schema.put("pattern", "^[0-9]{1,20}$");
        return schema;
    }

    private static void required(ObjectNode schema, String... names) {
        ArrayNode required = schema.putArray("required");
        List.of(names).forEach(required::add);
    }

    private static void enumOf(ObjectNode schema, List<String> values) {
        ArrayNode array = schema.putArray("enum");
        values.forEach(array::add);
    }
}
