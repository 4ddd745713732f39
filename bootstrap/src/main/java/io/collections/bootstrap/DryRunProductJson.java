package io.collections.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.collections.domain.product.ProductDetails;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A fetched product as one line of JSON: the API's product shape (SPEC section 3, snake_case, every field present,
 * decimals as plain strings) without what only a stored product has: {@code id}, {@code created_at},
 * {@code updated_at}, {@code created_by}, {@code updated_by}. The provider's own timestamps are in {@code source}.
 */
final class DryRunProductJson {
    private static final JsonFactory JSON = new JsonFactory();

    private DryRunProductJson() {
    }

    static String line(ProductDetails p) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("brand_id", p.brandId());
            json.writeStringField("metadata_id", p.metadataId());
            json.writeStringField("image_id", p.imageId());
            json.writeBooleanField("is_tangible", p.tangible());
            json.writeBooleanField("has_details", p.hasDetails());
            json.writeBooleanField("has_pricing", p.hasPricing());
            json.writeBooleanField("is_organized", p.organized());
            json.writeBooleanField("is_published", p.published());
            json.writeBooleanField("needs_review", p.needsReview());
            json.writeBooleanField("out_of_sync", p.outOfSync());
            json.writeStringField("syncing_paused_at", instant(p.syncingPausedAt()));
            json.writeStringField("status", p.status());
            json.writeStringField("name", p.name());
            json.writeStringField("model_type", p.modelType());
            json.writeStringField("product_code", p.productCode());
            json.writeStringField("product_category", p.productCategory());
            json.writeStringField("product_type", p.productType());
            json.writeStringField("product_lifecycle_status", p.productLifecycleStatus());
            json.writeStringField("weight", plain(p.weight()));
            json.writeStringField("weight_unit", p.weightUnit());
            json.writeStringField("size_unit", p.sizeUnit());
            json.writeStringField("length", plain(p.length()));
            json.writeStringField("width", plain(p.width()));
            json.writeStringField("height", plain(p.height()));
            json.writeStringField("country_of_origin", p.countryOfOrigin());
            json.writeStringField("commodity_description", p.commodityDescription());
            json.writeBooleanField("taxable", p.taxable());
            json.writeStringField("tax_code", p.taxCode());
            json.writeStringField("brand", p.brand());
            array(json, "tags", p.tags());
            json.writeStringField("price", plain(p.price()));
            json.writeStringField("currency", p.currency());
            array(json, "image_urls", p.imageUrls());
            if (p.source() == null) {
                json.writeNullField("source");
            } else {
                json.writeObjectFieldStart("source");
                json.writeStringField("provider", p.source().provider());
                json.writeStringField("account", p.source().account());
                json.writeStringField("external_id", p.source().externalId());
                json.writeStringField("created_at", instant(p.source().createdAt()));
                json.writeStringField("updated_at", instant(p.source().updatedAt()));
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string does not fail", e);
        }
        return text.toString();
    }

    private static void array(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** As the API writes timestamps: ISO-8601 UTC at second precision. */
    private static String instant(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
