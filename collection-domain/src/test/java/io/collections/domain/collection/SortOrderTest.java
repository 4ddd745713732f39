package io.collections.domain.collection;

import static io.collections.domain.Fixtures.T0;
import static io.collections.domain.Fixtures.details;
import static io.collections.domain.Fixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.InvalidInputException;
import io.collections.domain.product.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SortOrderTest {

    private static List<Long> sorted(SortOrder order, List<CollectionMember> members) {
        List<CollectionMember> copy = new ArrayList<>(members);
        Collections.shuffle(copy, new Random(order.ordinal()));
        copy.sort(CollectionMember.comparator(order));
        return copy.stream().map(m -> m.product().id().value()).toList();
    }

    private static CollectionMember member(long id, long position, String name, String code, String price,
            long createdSecond, long updatedSecond) {
        Product product = product(id, details().name(name).productCode(code)
                .price(price == null ? null : new BigDecimal(price)).build(),
                T0.plusSeconds(createdSecond), T0.plusSeconds(updatedSecond));
        return new CollectionMember(product, position);
    }

    /**
     * Ids are chosen so that ties show the tie-break: 2 and 3 tie on every key but position, and 5 and 6 lack a
     * code and a price. Id -1 (the largest unsigned id) checks that ids compare unsigned.
     */
    private static final List<CollectionMember> MEMBERS = List.of(
            member(3, 10, "banana", "B-2", "10.00", 20, 30),
            member(2, 20, "Banana", "b-2", "10", 20, 30),
            member(1, 30, "apple", "A-1", "5", 10, 40),
            member(4, 40, "Cherry", "C-3", "20", 30, 10),
            member(6, 50, "date", null, null, 40, 20),
            member(5, 60, "Date", null, null, 40, 20),
            member(-1, 5, "apple", "a-1", "5.0", 10, 40));

    @Test
    void byNameIgnoringCaseThenId() {
        assertThat(sorted(SortOrder.NAME, MEMBERS)).containsExactly(1L, -1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sorted(SortOrder.NAME_DESC, MEMBERS)).containsExactly(6L, 5L, 4L, 3L, 2L, -1L, 1L);
    }

    @Test
    void byProductCodeWithMissingCodesLastInBothDirections() {
        assertThat(sorted(SortOrder.PRODUCT_CODE, MEMBERS)).containsExactly(1L, -1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sorted(SortOrder.PRODUCT_CODE_DESC, MEMBERS)).containsExactly(4L, 3L, 2L, -1L, 1L, 6L, 5L);
    }

    @Test
    void byPriceAsDecimalsWithMissingPricesLastInBothDirections() {
        assertThat(sorted(SortOrder.PRICE, MEMBERS)).containsExactly(1L, -1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sorted(SortOrder.PRICE_DESC, MEMBERS)).containsExactly(4L, 3L, 2L, -1L, 1L, 6L, 5L);
    }

    @Test
    void byTimestamps() {
        assertThat(sorted(SortOrder.CREATED_AT, MEMBERS)).containsExactly(1L, -1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sorted(SortOrder.CREATED_AT_DESC, MEMBERS)).containsExactly(6L, 5L, 4L, 3L, 2L, -1L, 1L);
        assertThat(sorted(SortOrder.UPDATED_AT, MEMBERS)).containsExactly(4L, 5L, 6L, 2L, 3L, 1L, -1L);
        assertThat(sorted(SortOrder.UPDATED_AT_DESC, MEMBERS)).containsExactly(-1L, 1L, 3L, 2L, 6L, 5L, 4L);
    }

    @Test
    void manualUsesThePositionAtWhichProductsJoined() {
        assertThat(sorted(SortOrder.MANUAL, MEMBERS)).containsExactly(-1L, 3L, 2L, 1L, 4L, 6L, 5L);
        List<CollectionMember> samePosition = List.of(member(8, 1, "x", null, null, 0, 0),
                member(7, 1, "y", null, null, 0, 0));
        assertThat(sorted(SortOrder.MANUAL, samePosition)).containsExactly(7L, 8L);
    }

    @ParameterizedTest
    @EnumSource(SortOrder.class)
    void wireNamesRoundTripAndDirectionsMatchTheDash(SortOrder order) {
        assertThat(SortOrder.parse(order.wireName())).isEqualTo(order);
        assertThat(order.descending()).isEqualTo(order.wireName().startsWith("-"));
    }

    @Test
    void unknownSortIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> SortOrder.parse("-manual"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("sort_by");
                    assertThat(e.reason()).contains("name", "-price", "manual");
                });
        assertThatThrownBy(() -> SortOrder.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
