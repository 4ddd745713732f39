package io.collections.domain.rule;

import io.collections.domain.product.FoldedAttributes;
import io.collections.domain.product.ProductDetails;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The product attribute a rule looks at, and which relations make sense for it. */
public enum RuleType {
    PRODUCT_TYPE("product_type", FoldedAttributes::productType),
    PRODUCT_CATEGORY("product_category", FoldedAttributes::productCategory),
    PRODUCT_CODE("product_code", FoldedAttributes::productCode),
    NAME("name", FoldedAttributes::name),
    BRAND("brand", FoldedAttributes::brand),
    BRAND_ID("brand_id", FoldedAttributes::brandId),
    STATUS("status", FoldedAttributes::status),
    MODEL_TYPE("model_type", FoldedAttributes::modelType),
    PRODUCT_LIFECYCLE_STATUS("product_lifecycle_status", FoldedAttributes::productLifecycleStatus),
    COUNTRY_OF_ORIGIN("country_of_origin", FoldedAttributes::countryOfOrigin),
    TAG("tag"),
    PRICE("price", Kind.DECIMAL, null, ProductDetails::price),
    WEIGHT("weight", Kind.DECIMAL, null, ProductDetails::weight);

    /** What kind of value the attribute holds. */
    public enum Kind { TEXT, TAGS, DECIMAL }

    private static final Set<Relation> TEXT_RELATIONS = EnumSet.of(Relation.EQUALS, Relation.NOT_EQUALS,
            Relation.CONTAINS, Relation.NOT_CONTAINS, Relation.STARTS_WITH, Relation.ENDS_WITH);
    private static final Set<Relation> DECIMAL_RELATIONS = EnumSet.of(Relation.EQUALS, Relation.NOT_EQUALS,
            Relation.GREATER_THAN, Relation.LESS_THAN);

    private final String wireName;
    private final Kind kind;
    private final Function<FoldedAttributes, String> foldedText;
    private final Function<ProductDetails, BigDecimal> decimal;

    RuleType(String wireName, Function<FoldedAttributes, String> foldedText) {
        this(wireName, Kind.TEXT, foldedText, null);
    }

    RuleType(String wireName) {
        this(wireName, Kind.TAGS, null, null);
    }

    RuleType(String wireName, Kind kind, Function<FoldedAttributes, String> foldedText,
            Function<ProductDetails, BigDecimal> decimal) {
        this.wireName = wireName;
        this.kind = kind;
        this.foldedText = foldedText;
        this.decimal = decimal;
    }

    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    public Set<Relation> relations() {
        return kind == Kind.DECIMAL ? DECIMAL_RELATIONS : TEXT_RELATIONS;
    }

    /** The folded text this attribute has on a product, or null; only for {@link Kind#TEXT}. */
    public String foldedTextOf(ProductDetails product) {
        return foldedText.apply(product.folded());
    }

    /** The decimal this attribute has on a product, or null; only for {@link Kind#DECIMAL}. */
    public BigDecimal decimalOf(ProductDetails product) {
        return decimal.apply(product);
    }

    public static Optional<RuleType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
