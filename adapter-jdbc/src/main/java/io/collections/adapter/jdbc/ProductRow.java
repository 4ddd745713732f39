package io.collections.adapter.jdbc;

import io.collections.domain.ClientId;
import io.collections.domain.ProductId;
import io.collections.domain.UserId;
import io.collections.domain.product.FoldedAttributes;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One row of {@code products}, as bound and read, with the folded columns the rules compare; public only so that
 * JDBI can bind its accessors.
 */
public record ProductRow(long id, String clientId, String name, String brandId, String metadataId, String imageId,
        boolean tangible, boolean hasDetails, boolean hasPricing, boolean organized, boolean published,
        boolean needsReview, boolean outOfSync, OffsetDateTime syncingPausedAt, String status, String modelType,
        String productCode, String productCategory, String productType, String productLifecycleStatus,
        BigDecimal weight, String weightText, String weightUnit, String sizeUnit, String lengthText,
        String widthText, String heightText, String countryOfOrigin, String commodityDescription, boolean taxable,
        String taxCode, String brand, String tags, BigDecimal price, String priceText, String currency,
        String imageUrls, String sourceProvider, String sourceAccount, String sourceExternalId,
        OffsetDateTime sourceCreatedAt, OffsetDateTime sourceUpdatedAt, String foldedName,
        String foldedProductType, String foldedProductCategory, String foldedProductCode, String foldedBrand,
        String foldedBrandId, String foldedStatus, String foldedModelType, String foldedProductLifecycleStatus,
        String foldedCountryOfOrigin, OffsetDateTime createdAt, OffsetDateTime updatedAt, String createdBy,
        String updatedBy) {

    static final String COLUMNS = "id, client_id, name, brand_id, metadata_id, image_id, tangible, has_details,"
            + " has_pricing, organized, published, needs_review, out_of_sync, syncing_paused_at, status, model_type,"
            + " product_code, product_category, product_type, product_lifecycle_status, weight, weight_text,"
            + " weight_unit, size_unit, length_text, width_text, height_text, country_of_origin,"
            + " commodity_description, taxable, tax_code, brand, tags, price, price_text, currency, image_urls,"
            + " source_provider, source_account, source_external_id, source_created_at, source_updated_at,"
            + " folded_name, folded_product_type,"
            + " folded_product_category, folded_product_code, folded_brand, folded_brand_id, folded_status,"
            + " folded_model_type, folded_product_lifecycle_status, folded_country_of_origin, created_at,"
            + " updated_at, created_by, updated_by";

    /** The same columns as JDBI named parameters, in the same order. */
    static final String PARAMETERS = ":id, :clientId, :name, :brandId, :metadataId, :imageId, :tangible,"
            + " :hasDetails, :hasPricing, :organized, :published, :needsReview, :outOfSync, :syncingPausedAt,"
            + " :status, :modelType, :productCode, :productCategory, :productType, :productLifecycleStatus, :weight,"
            + " :weightText, :weightUnit, :sizeUnit, :lengthText, :widthText, :heightText, :countryOfOrigin,"
            + " :commodityDescription, :taxable, :taxCode, :brand, :tags, :price, :priceText, :currency,"
            + " :imageUrls, :sourceProvider, :sourceAccount, :sourceExternalId, :sourceCreatedAt,"
            + " :sourceUpdatedAt, :foldedName, :foldedProductType,"
            + " :foldedProductCategory, :foldedProductCode, :foldedBrand, :foldedBrandId, :foldedStatus,"
            + " :foldedModelType, :foldedProductLifecycleStatus, :foldedCountryOfOrigin, :createdAt, :updatedAt,"
            + " :createdBy, :updatedBy";

    /** The column values in {@link #COLUMNS} order, for plain JDBC batches on the bulk paths. */
    Object[] values() {
        return new Object[] {id, clientId, name, brandId, metadataId, imageId, tangible, hasDetails, hasPricing,
            organized, published, needsReview, outOfSync, syncingPausedAt, status, modelType, productCode,
            productCategory, productType, productLifecycleStatus, weight, weightText, weightUnit, sizeUnit,
            lengthText, widthText, heightText, countryOfOrigin, commodityDescription, taxable, taxCode, brand, tags,
            price, priceText, currency, imageUrls, sourceProvider, sourceAccount, sourceExternalId,
            sourceCreatedAt, sourceUpdatedAt, foldedName,
            foldedProductType, foldedProductCategory, foldedProductCode, foldedBrand, foldedBrandId, foldedStatus,
            foldedModelType, foldedProductLifecycleStatus, foldedCountryOfOrigin, createdAt, updatedAt, createdBy,
            updatedBy};
    }

    static ProductRow from(Product product) {
        ProductDetails d = product.details();
        FoldedAttributes folded = d.folded();
        ProductSource source = d.source();
        return new ProductRow(product.id().value(), product.clientId().value(), d.name(), d.brandId(),
                d.metadataId(), d.imageId(), d.tangible(), d.hasDetails(), d.hasPricing(), d.organized(),
                d.published(), d.needsReview(), d.outOfSync(), utc(d.syncingPausedAt()), d.status(), d.modelType(),
                d.productCode(), d.productCategory(), d.productType(), d.productLifecycleStatus(), d.weight(),
                text(d.weight()), d.weightUnit(), d.sizeUnit(), text(d.length()), text(d.width()), text(d.height()),
                d.countryOfOrigin(), d.commodityDescription(), d.taxable(), d.taxCode(), d.brand(),
                JsonText.writeStrings(d.tags()), d.price(), text(d.price()), d.currency(),
                JsonText.writeStrings(d.imageUrls()), source == null ? null : source.provider(),
                source == null ? null : source.account(), source == null ? null : source.externalId(),
                source == null ? null : utc(source.createdAt()), source == null ? null : utc(source.updatedAt()),
                folded.name(), folded.productType(), folded.productCategory(), folded.productCode(), folded.brand(),
                folded.brandId(), folded.status(), folded.modelType(), folded.productLifecycleStatus(),
                folded.countryOfOrigin(), utc(product.createdAt()), utc(product.updatedAt()),
                product.createdBy().value(), product.updatedBy().value());
    }

    /** Reads the columns a product needs; the folded columns are derived again by the domain. */
    static Product readProduct(ResultSet rs) throws SQLException {
        String provider = rs.getString("source_provider");
        ProductDetails details = ProductDetails.builder()
                .name(rs.getString("name"))
                .brandId(rs.getString("brand_id"))
                .metadataId(rs.getString("metadata_id"))
                .imageId(rs.getString("image_id"))
                .tangible(rs.getBoolean("tangible"))
                .hasDetails(rs.getBoolean("has_details"))
                .hasPricing(rs.getBoolean("has_pricing"))
                .organized(rs.getBoolean("organized"))
                .published(rs.getBoolean("published"))
                .needsReview(rs.getBoolean("needs_review"))
                .outOfSync(rs.getBoolean("out_of_sync"))
                .syncingPausedAt(instant(rs.getObject("syncing_paused_at", OffsetDateTime.class)))
                .status(rs.getString("status"))
                .modelType(rs.getString("model_type"))
                .productCode(rs.getString("product_code"))
                .productCategory(rs.getString("product_category"))
                .productType(rs.getString("product_type"))
                .productLifecycleStatus(rs.getString("product_lifecycle_status"))
                .weight(decimal(rs.getString("weight_text")))
                .weightUnit(rs.getString("weight_unit"))
                .sizeUnit(rs.getString("size_unit"))
                .length(decimal(rs.getString("length_text")))
                .width(decimal(rs.getString("width_text")))
                .height(decimal(rs.getString("height_text")))
                .countryOfOrigin(rs.getString("country_of_origin"))
                .commodityDescription(rs.getString("commodity_description"))
                .taxable(rs.getBoolean("taxable"))
                .taxCode(rs.getString("tax_code"))
                .brand(rs.getString("brand"))
                .tags(JsonText.readStrings(rs.getString("tags")))
                .price(decimal(rs.getString("price_text")))
                .currency(rs.getString("currency"))
                .imageUrls(JsonText.readStrings(rs.getString("image_urls")))
                .source(provider == null ? null : new ProductSource(provider, rs.getString("source_account"),
                        rs.getString("source_external_id"),
                        instant(rs.getObject("source_created_at", OffsetDateTime.class)),
                        instant(rs.getObject("source_updated_at", OffsetDateTime.class))))
                .build();
        return new Product(new ProductId(rs.getLong("id")), new ClientId(rs.getString("client_id")), details,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), new UserId(rs.getString("created_by")),
                new UserId(rs.getString("updated_by")));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String text(BigDecimal decimal) {
        return decimal == null ? null : decimal.toPlainString();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
