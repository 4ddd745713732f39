package io.collections.adapter.jdbc;

import io.collections.domain.Page;
import io.collections.domain.ProductId;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.product.TextFolding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A collection's sort order in SQL, for keyset paging: the ORDER BY (nulls last in both directions, ties on the
 * product id in the same direction), the condition "after this cursor", and the cursor of a row.
 */
final class MemberOrder {
    private static final Pattern PRICE_KEY = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,6})?");
    private static final String LIST = "members";

    private final SortOrder sortOrder;
    private final String column;
    private final String direction;

    MemberOrder(SortOrder sortOrder) {
        this.sortOrder = sortOrder;
        this.column = switch (sortOrder.key()) {
            case NAME -> "p.folded_name";
            case CREATED_AT -> "p.created_at";
            case UPDATED_AT -> "p.updated_at";
            case PRODUCT_CODE -> "p.folded_product_code";
            case PRICE -> "p.price";
            case POSITION -> "m.position";
        };
        this.direction = sortOrder.descending() ? "DESC" : "ASC";
    }

    String orderBy() {
        return column + " " + direction + " NULLS LAST, p.id " + direction;
    }

    /** The condition for rows strictly after the cursor's row, binding {@code afterKey} and {@code afterId}. */
    String after(String cursor, Map<String, Object> bindings) {
        List<String> parts = PageCursors.decode(cursor, LIST, 4);
        if (!parts.get(1).equals(sortOrder.wireName())) {
            throw PageCursors.invalid();
        }
        long id = PageCursors.parse(parts.get(2), text -> ProductId.parse(text).value());
        bindings.put("afterId", id);
        String compare = sortOrder.descending() ? "<" : ">";
        String key = parts.get(3);
        if (key.isEmpty()) {
            return "(" + column + " IS NULL AND p.id " + compare + " :afterId)";
        }
        bindings.put("afterKey", PageCursors.parse(key.substring(1), this::parseKey));
        return "(" + column + " " + compare + " :afterKey OR (" + column + " = :afterKey AND p.id " + compare
                + " :afterId) OR " + column + " IS NULL)";
    }

    /** The page, given up to limit + 1 rows: the extra row only says that there is more. */
    Page<Product> page(List<Member> rows, int limit) {
        List<Product> products = new ArrayList<>(Math.min(rows.size(), limit));
        for (int i = 0; i < rows.size() && i < limit; i++) {
            products.add(rows.get(i).product());
        }
        if (rows.size() <= limit) {
            return new Page<>(products, null);
        }
        Member last = rows.get(limit - 1);
        String key = keyOf(last);
        return new Page<>(products, PageCursors.encode(List.of(LIST, sortOrder.wireName(),
                last.product().id().toString(), key == null ? "" : "+" + key)));
    }

    /** A product as read with its membership position. */
    record Member(Product product, long position) {
    }

    private String keyOf(Member member) {
        Product product = member.product();
        return switch (sortOrder.key()) {
            case NAME -> TextFolding.fold(product.details().name());
            case CREATED_AT -> product.createdAt().toString();
            case UPDATED_AT -> product.updatedAt().toString();
            case PRODUCT_CODE -> TextFolding.fold(product.details().productCode());
            case PRICE -> product.details().price() == null ? null : product.details().price().toPlainString();
            case POSITION -> Long.toString(member.position());
        };
    }

    /**
     * A price as stored (15 integer and 6 fraction digits at most). Anything else never came from this server, and
     * an exponent such as {@code 1e99999999} would cost the database minutes to expand.
     */
    private static BigDecimal price(String text) {
        if (!PRICE_KEY.matcher(text).matches()) {
            throw PageCursors.invalid();
        }
        return new BigDecimal(text);
    }

    private Object parseKey(String text) {
        return switch (sortOrder.key()) {
            case NAME, PRODUCT_CODE -> text;
            case CREATED_AT, UPDATED_AT -> OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            case PRICE -> price(text);
            case POSITION -> Long.parseLong(text);
        };
    }
}
