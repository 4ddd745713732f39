package io.collections.adapter.providers.algolia;

import com.fasterxml.jackson.databind.JsonNode;
import io.collections.domain.InvalidInputException;
import io.collections.domain.catalog.CatalogPage;
import io.collections.domain.catalog.Provider;
import io.collections.domain.catalog.SkippedProduct;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.product.ProductSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns pages of browse hits into pages of products. Variant-level indexes (Algolia's Shopify app writes one record
 * per variant, {@code id} being the product's id) are grouped back into one product per product id: the cheapest
 * variant gives the price, tags and images are united. The last product of a page is held back until the next page
 * shows whether more of its variants follow, so a product split by a page boundary still comes out whole.
 */
final class AlgoliaProductAssembler {
    static final String MISSING_EXTERNAL_ID = "missing external id";
    static final String MISSING_NAME = "missing name";
    static final String VARIANT_AFTER_ITS_PRODUCT = "variant of a product already fetched";

    private static final String PROVIDER = Provider.ALGOLIA.pathName();

    private final String account;
    private final AlgoliaAttributeMapping mapping;
    /** The variants of the last product of the previous page, which may go on in this one. */
    private List<AlgoliaRecord> heldBack = List.of();
    /** Product ids of variant-level products already handed on, whose later variants cannot join them. */
    private final Set<String> completed = new HashSet<>();

    AlgoliaProductAssembler(String account, AlgoliaAttributeMapping mapping) {
        this.account = account;
        this.mapping = mapping;
    }

    /**
     * The products complete after this page of hits; with {@code last}, every product left.
     */
    CatalogPage page(List<JsonNode> hits, boolean last) {
        List<SkippedProduct> skipped = new ArrayList<>();
        Map<String, List<AlgoliaRecord>> groups = new LinkedHashMap<>();
        if (!heldBack.isEmpty()) {
            groups.put(heldBack.get(0).productKey(), new ArrayList<>(heldBack));
        }
        AlgoliaRecord lastRecord = null;
        for (JsonNode hit : hits) {
            AlgoliaRecord record = AlgoliaRecord.read(hit, mapping);
            if (record.objectId() == null) {
                skipped.add(new SkippedProduct(record.productId(), MISSING_EXTERNAL_ID));
                continue;
            }
            if (record.productId() != null && completed.contains(record.productId())) {
                skipped.add(new SkippedProduct(record.objectId(), VARIANT_AFTER_ITS_PRODUCT));
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
        List<ProductDetails> products = new ArrayList<>(groups.size());
        groups.forEach((key, records) -> {
            ProductDetails product = assemble(key, records, skipped);
            if (product != null) {
                products.add(product);
            }
            if (records.get(0).productId() != null) {
                completed.add(key);
            }
        });
        return new CatalogPage(products, skipped);
    }

    private ProductDetails assemble(String externalId, List<AlgoliaRecord> variants, List<SkippedProduct> skipped) {
        for (AlgoliaRecord variant : variants) {
            if (variant.problem() != null) {
                skipped.add(new SkippedProduct(externalId, variant.problem()));
                return null;
            }
        }
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
            skipped.add(new SkippedProduct(externalId, MISSING_NAME));
            return null;
        }
        if (cheapest != null && cheapest.currency() != null) {
            currency = cheapest.currency();
        }
        try {
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
                    .published(AlgoliaRecord.ACTIVE.equals(status))
                    .source(new ProductSource(PROVIDER, account, externalId))
                    .build();
        } catch (InvalidInputException invalid) {
            skipped.add(new SkippedProduct(externalId, "invalid " + invalid.field()));
            return null;
        }
    }
}
