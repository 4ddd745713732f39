package io.collections.adapter.http.json;

import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.util.List;

/**
 * A product as the API answers it: the seed's Product fields in the seed's order, then the extensions that
 * imports fill in. Decimals are plain decimal strings; every field is present.
 */
public record ProductJson(
        String id,
        String brandId,
        String metadataId,
        String imageId,
        boolean isTangible,
        boolean hasDetails,
        boolean hasPricing,
        boolean isOrganized,
        boolean isPublished,
        boolean needsReview,
        boolean outOfSync,
        String syncingPausedAt,
        String status,
        String name,
        String modelType,
        String productCode,
        String productCategory,
        String productType,
        String productLifecycleStatus,
        String weight,
        String weightUnit,
        String sizeUnit,
        String length,
        String width,
        String height,
        String countryOfOrigin,
        String commodityDescription,
        boolean taxable,
        String taxCode,
        String createdAt,
        String updatedAt,
        String createdBy,
        String updatedBy,
        String brand,
        List<String> tags,
        String price,
        String currency,
        List<String> imageUrls,
        SourceJson source) {

    /** Where an imported product came from, and when the provider says it was created and updated; read-only. */
    public record SourceJson(String provider, String account, String externalId, String createdAt,
            String updatedAt) {
        static SourceJson from(ProductSource source) {
            return source == null ? null : new SourceJson(source.provider(), source.account(), source.externalId(),
                    Timestamps.format(source.createdAt()), Timestamps.format(source.updatedAt()));
        }
    }

    public static ProductJson from(Product product) {
        ProductDetails d = product.details();
        return new ProductJson(
                product.id().toString(),
                d.brandId(),
                d.metadataId(),
                d.imageId(),
                d.tangible(),
                d.hasDetails(),
                d.hasPricing(),
                d.organized(),
                d.published(),
                d.needsReview(),
                d.outOfSync(),
                Timestamps.format(d.syncingPausedAt()),
                d.status(),
                d.name(),
                d.modelType(),
                d.productCode(),
                d.productCategory(),
                d.productType(),
                d.productLifecycleStatus(),
                plain(d.weight()),
                d.weightUnit(),
                d.sizeUnit(),
                plain(d.length()),
                plain(d.width()),
                plain(d.height()),
                d.countryOfOrigin(),
                d.commodityDescription(),
                d.taxable(),
                d.taxCode(),
                Timestamps.format(product.createdAt()),
                Timestamps.format(product.updatedAt()),
                product.createdBy().value(),
                product.updatedBy().value(),
                d.brand(),
                d.tags(),
                plain(d.price()),
                d.currency(),
                d.imageUrls(),
                SourceJson.from(d.source()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
