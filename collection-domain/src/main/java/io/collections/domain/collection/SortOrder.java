package io.collections.domain.collection;

import io.collections.domain.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The order in which a collection lists its products. Ties break on the product id, in the same direction, so
 * paging is stable; products without the sorted value come last in either direction. {@link #MANUAL} is the
 * order in which products became members.
 */
public enum SortOrder {
    NAME("name", Key.NAME, false),
    NAME_DESC("-name", Key.NAME, true),
    CREATED_AT("created_at", Key.CREATED_AT, false),
    CREATED_AT_DESC("-created_at", Key.CREATED_AT, true),
    UPDATED_AT("updated_at", Key.UPDATED_AT, false),
    UPDATED_AT_DESC("-updated_at", Key.UPDATED_AT, true),
    PRODUCT_CODE("product_code", Key.PRODUCT_CODE, false),
    PRODUCT_CODE_DESC("-product_code", Key.PRODUCT_CODE, true),
    PRICE("price", Key.PRICE, false),
    PRICE_DESC("-price", Key.PRICE, true),
    MANUAL("manual", Key.POSITION, false);

    /** The value products are ordered by. */
    public enum Key { NAME, CREATED_AT, UPDATED_AT, PRODUCT_CODE, PRICE, POSITION }

    private final String wireName;
    private final Key key;
    private final boolean descending;

    SortOrder(String wireName, Key key, boolean descending) {
        this.wireName = wireName;
        this.key = key;
        this.descending = descending;
    }

    public String wireName() {
        return wireName;
    }

    public Key key() {
        return key;
    }

    public boolean descending() {
        return descending;
    }

    public static SortOrder parse(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(text)).findFirst()
                .orElseThrow(() -> new InvalidInputException("sort_by", "must be one of "
                        + Arrays.stream(values()).map(SortOrder::wireName).collect(Collectors.joining(", "))));
    }
}
