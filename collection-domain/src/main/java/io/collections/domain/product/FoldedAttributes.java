package io.collections.domain.product;

import java.util.ArrayList;
import java.util.List;

/** The text attributes of a product folded once, so that matching many rules does not fold them again. */
public final class FoldedAttributes {
    private final String name;
    private final String productType;
    private final String productCategory;
    private final String productCode;
    private final String brand;
    private final String brandId;
    private final String status;
    private final String modelType;
    private final String productLifecycleStatus;
    private final String countryOfOrigin;
    private final List<String> tags;

    FoldedAttributes(ProductDetails details) {
        this.name = TextFolding.fold(details.name());
        this.productType = TextFolding.fold(details.productType());
        this.productCategory = TextFolding.fold(details.productCategory());
        this.productCode = TextFolding.fold(details.productCode());
        this.brand = TextFolding.fold(details.brand());
        this.brandId = TextFolding.fold(details.brandId());
        this.status = TextFolding.fold(details.status());
        this.modelType = TextFolding.fold(details.modelType());
        this.productLifecycleStatus = TextFolding.fold(details.productLifecycleStatus());
        this.countryOfOrigin = TextFolding.fold(details.countryOfOrigin());
        List<String> foldedTags = new ArrayList<>(details.tags().size());
        for (String tag : details.tags()) {
            String folded = TextFolding.fold(tag);
            if (!foldedTags.contains(folded)) {
                foldedTags.add(folded);
            }
        }
        this.tags = List.copyOf(foldedTags);
    }

    public String name() { return name; }
    public String productType() { return productType; }
    public String productCategory() { return productCategory; }
    public String productCode() { return productCode; }
    public String brand() { return brand; }
    public String brandId() { return brandId; }
    public String status() { return status; }
    public String modelType() { return modelType; }
    public String productLifecycleStatus() { return productLifecycleStatus; }
    public String countryOfOrigin() { return countryOfOrigin; }

    /** Distinct folded tags, in the product's order. */
    public List<String> tags() { return tags; }
}
