package io.collections.application.memory;

import io.collections.domain.ClientId;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.UserId;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Cuts a sorted list into pages: the items strictly after the cursor's item, in the list's order. */
final class Paging {
    private Paging() {
    }

    static <T> Page<T> after(List<T> sorted, PageRequest page, Comparator<T> order, Function<T, String> cursorOf,
            Function<String, T> probeOf) {
        List<T> items = new ArrayList<>(page.limit());
        T probe = page.cursor() == null ? null : probeOf.apply(page.cursor());
        boolean more = false;
        for (T item : sorted) {
            if (probe != null && order.compare(item, probe) <= 0) {
                continue;
            }
            if (items.size() == page.limit()) {
                more = true;
                break;
            }
            items.add(item);
        }
        return new Page<>(items, more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }

    /** A stand-in for a deleted item, carrying only what newest-first ordering compares. */
    static Product syntheticProduct(ProductId id, long createdAtMillis) {
        Instant at = Instant.ofEpochMilli(createdAtMillis);
        UserId nobody = new UserId("cursor");
        return new Product(id, new ClientId("cursor"), ProductDetails.builder().name("cursor").build(), at, at,
                nobody, nobody);
    }
}
