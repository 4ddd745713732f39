package io.collections.adapter.providers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import org.junit.jupiter.api.Test;

class PagingGuardTest {

    @Test
    void a_repeated_cursor_ends_the_fetch() {
        PagingGuard guard = new PagingGuard("algolia", 100);
        guard.follow("c1");
        guard.follow("c2");

        assertThatThrownBy(() -> guard.follow("c1")).isInstanceOfSatisfying(CatalogFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo(
                    "algolia: returned a cursor it had already returned; stopping, the paging does not advance");
        });
    }

    @Test
    void absent_cursors_are_not_checked() {
        PagingGuard guard = new PagingGuard("shopify", 100);
        guard.follow(null);
        guard.follow(null);
        guard.follow("");
        guard.follow("");
        assertThat(guard.pages()).isZero();
    }

    @Test
    void the_page_cap_ends_the_fetch() {
        PagingGuard guard = new PagingGuard("woocommerce", 3);
        guard.nextPage();
        guard.nextPage();
        guard.nextPage();

        assertThatThrownBy(guard::nextPage).isInstanceOfSatisfying(CatalogFetchException.class,
                e -> assertThat(e.getMessage()).contains("more than 3 pages"));
    }

    @Test
    void a_page_of_repeats_ends_the_fetch_but_a_partly_new_page_does_not() {
        PagingGuard guard = new PagingGuard("woocommerce", 10);
        guard.checkAdvanced(0, 0);
        guard.checkAdvanced(100, 99);

        assertThatThrownBy(() -> guard.checkAdvanced(100, 100)).isInstanceOf(CatalogFetchException.class);
    }

    @Test
    void remembers_ids_within_bounded_memory() {
        PagingGuard guard = new PagingGuard("woocommerce", 10);
        assertThat(guard.firstSighting("1")).isTrue();
        assertThat(guard.firstSighting("1")).isFalse();
        for (int i = 2; i < 2 * PagingGuard.ID_MEMORY + 2; i++) {
            guard.firstSighting(Integer.toString(i));
        }
        assertThat(guard.firstSighting("1")).as("forgotten once two generations passed").isTrue();
        assertThat(guard.firstSighting(Integer.toString(2 * PagingGuard.ID_MEMORY))).isFalse();
    }
}
