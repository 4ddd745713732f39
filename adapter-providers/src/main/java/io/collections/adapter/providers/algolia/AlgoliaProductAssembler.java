package io.collections.adapter.providers.algolia;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.adapter.providers.fetch.PageBuilder;
import io.collections.adapter.providers.fetch.ProductRejected;
import io.collections.adapter.providers.fetch.SkipReasons;
import io.collections.adapter.providers.fetch.SourceTimes;
import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns pages of browse hits into products, one per record keyed by its {@code objectID}. Variant-level indexes
 * (Algolia's Shopify app writes one record per variant, {@code id} being the product's id), whose product id
 * attribute the account's mapping names, are grouped back into one product per product id: the cheapest
 * variant gives the price, tags and images are united, the earliest creation and latest update are the product's.
 * The last product of a page is held back until the next page shows whether more of its variants follow, so a
 * product split by a page boundary still comes out whole; a variant that turns up after its product was handed on
 * is skipped by the page as a duplicate.
 */
final class AlgoliaProductAssembler {
    private final AlgoliaAttributeMapping mapping;
    /** The variants of the last product of the previous page, which may go on in this one. */
    private List<AlgoliaRecord> heldBack = List.of();

    AlgoliaProductAssembler(AlgoliaAttributeMapping mapping) {
        this.mapping = mapping;
    }

    /** Adds to {@code page} the products complete after these hits; with {@code last}, every product left. */
    void add(List<JsonNode> hits, boolean last, PageBuilder page) {
        Map<String, List<AlgoliaRecord>> groups = new LinkedHashMap<>();
        if (!heldBack.isEmpty()) {
            groups.put(heldBack.get(0).productKey(), new ArrayList<>(heldBack));
        }
        AlgoliaRecord lastRecord = null;
        for (JsonNode hit : hits) {
            AlgoliaRecord record = AlgoliaRecord.read(hit, mapping);
            if (record.objectId() == null) {
                page.add(null, ProductDetails::builder); // counted as "missing external id", never mapped
                continue;
            }
            groups.computeIfAbsent(record.productKey(), key -> new ArrayList<>(1)).add(record);
            lastRecord = record;
        }
        heldBack = List.of();
        if (!last) {
            if (lastRecord != null && lastRecord.productId() != null) {
                heldBack = groups.remove(lastRecord.productKey());
            } else if (lastRecord == null && groups.size() == 1) {
                // A page without usable hits cannot tell whether the held-back product goes on: keep waiting.
                heldBack = groups.remove(groups.keySet().iterator().next());
            }
        }
        groups.forEach((key, variants) -> page.add(key, times(variants), () -> assemble(variants)));
    }

    /** A product's creation is its earliest variant's, its last update the latest of any variant's. */
    private static SourceTimes times(List<AlgoliaRecord> variants) {
        SourceTimes times = SourceTimes.NONE;
        for (AlgoliaRecord variant : variants) {
            times = times.merge(variant.times());
        }
        return times;
    }

    /**
     * One product from its variants (or its single record).
     *
     * @throws ProductRejected when a variant's price is unusable or no variant has a name
     */
    private static ProductDetails.Builder assemble(List<AlgoliaRecord> variants) {
        AlgoliaRecord cheapest = null;
        String name = null;
        String productType = null;
        String category = null;
        String brand = null;
        String currency = null;
        String status = null;
        List<String> tags = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (AlgoliaRecord variant : variants) {
            if (variant.problem() != null) {
                throw new ProductRejected(variant.problem());
            }
            name = name != null ? name : variant.name();
            productType = productType != null ? productType : variant.productType();
            category = category != null ? category : variant.category();
            brand = brand != null ? brand : variant.brand();
            currency = currency != null ? currency : variant.currency();
            status = AlgoliaRecord.ACTIVE.equals(status) ? status : variant.status();
            tags.addAll(variant.tags());
            images.addAll(variant.imageUrls());
            BigDecimal price = variant.price();
            if (price != null && (cheapest == null || price.compareTo(cheapest.price()) < 0)) {
                cheapest = variant;
            }
        }
        if (name == null) {
            throw new ProductRejected(SkipReasons.MISSING_NAME);
        }
        if (cheapest != null && cheapest.currency() != null) {
            currency = cheapest.currency();
        }
        return ProductDetails.builder()
                .name(name)
                .productCode(variants.size() == 1 ? variants.get(0).productCode() : null)
                .productType(productType)
                .productCategory(category)
                .brand(brand)
                .tags(tags)
                .price(cheapest == null ? null : cheapest.price())
                .currency(currency)
                .hasPricing(cheapest != null)
                .imageUrls(images)
                .status(status)
                .published(AlgoliaRecord.ACTIVE.equals(status));
    }
}
