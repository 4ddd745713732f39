package io.collections.domain;

import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.RuleType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small builders shared by the domain tests; real objects only, no mocks. */
public final class Fixtures {
    public static final ClientId CLIENT = new ClientId("client-1");
    public static final UserId USER = new UserId("user-1");
    public static final Instant T0 = Instant.parse("2024-01-07T12:30:00Z");

    private Fixtures() {
    }

    public static ProductDetails.Builder details() {
        return ProductDetails.builder().name("Product");
    }

    /** Details whose attribute for {@code type} is {@code value} (text, tag or decimal), name "Product" otherwise. */
    public static ProductDetails with(RuleType type, String value) {
        return set(details(), type, value).build();
    }

    /** Sets the attribute a rule of {@code type} looks at; for TAG, adds the value as the only tag. */
    public static ProductDetails.Builder set(ProductDetails.Builder builder, RuleType type, String value) {
        switch (type) {
            case PRODUCT_TYPE: return builder.productType(value);
            case PRODUCT_CATEGORY: return builder.productCategory(value);
            case PRODUCT_CODE: return builder.productCode(value);
            case NAME: return builder.name(value == null ? "Product" : value);
            case BRAND: return builder.brand(value);
            case BRAND_ID: return builder.brandId(value);
            case STATUS: return builder.status(value);
            case MODEL_TYPE: return builder.modelType(value);
            case PRODUCT_LIFECYCLE_STATUS: return builder.productLifecycleStatus(value);
            case COUNTRY_OF_ORIGIN: return builder.countryOfOrigin(value);
            case TAG: return builder.tags(value == null ? List.of() : List.of(value));
            case PRICE: return builder.price(value == null ? null : new BigDecimal(value));
            case WEIGHT: return builder.weight(value == null ? null : new BigDecimal(value));
            default: throw new IllegalArgumentException(type.toString());
        }
    }

    public static Product product(long id, ProductDetails details) {
        return Product.create(new ProductId(id), CLIENT, details, USER, T0);
    }

    public static Product product(long id, ProductDetails details, Instant createdAt, Instant updatedAt) {
        return new Product(new ProductId(id), CLIENT, details, createdAt, updatedAt, USER, USER);
    }
}
