package io.collections.domain.collection;

import io.collections.domain.product.Product;
import io.collections.domain.product.TextFolding;
import java.util.Comparator;
import java.util.Objects;

/** A product as a member of a collection, with the position at which it joined (for the manual order). */
public record CollectionMember(Product product, long position) {
    public CollectionMember {
        Objects.requireNonNull(product, "product");
    }

    /** The order of {@code sortOrder}, with the tie-break on product id, as a comparator. */
    public static Comparator<CollectionMember> comparator(SortOrder sortOrder) {
        Comparator<CollectionMember> byId = Comparator.comparing(m -> m.product().id());
        if (sortOrder.descending()) {
            byId = byId.reversed();
        }
        Comparator<CollectionMember> byKey;
        switch (sortOrder.key()) {
            case NAME:
                byKey = nullsLast(m -> TextFolding.fold(m.product().details().name()), sortOrder.descending());
                break;
            case CREATED_AT:
                byKey = nullsLast(m -> m.product().createdAt(), sortOrder.descending());
                break;
            case UPDATED_AT:
                byKey = nullsLast(m -> m.product().updatedAt(), sortOrder.descending());
                break;
            case PRODUCT_CODE:
                byKey = nullsLast(m -> TextFolding.fold(m.product().details().productCode()), sortOrder.descending());
                break;
            case PRICE:
                byKey = nullsLast(m -> m.product().details().price(), sortOrder.descending());
                break;
            default:
                byKey = Comparator.comparingLong(CollectionMember::position);
                break;
        }
        return byKey.thenComparing(byId);
    }

    private static <T extends Comparable<? super T>> Comparator<CollectionMember> nullsLast(
            java.util.function.Function<CollectionMember, T> key, boolean descending) {
        Comparator<T> natural = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }
}
