package io.collections.domain;

/** The installation-wide identity of a product: an unsigned 64-bit integer, written as a decimal string. */
public record ProductId(long value) implements Comparable<ProductId> {
    public ProductId {
        UnsignedIds.requireNonZero("product_id", value);
    }

    public static ProductId parse(String text) {
        return new ProductId(UnsignedIds.parse("product_id", text));
    }

    @Override
    public int compareTo(ProductId other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return UnsignedIds.format(value);
    }
}
