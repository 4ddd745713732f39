package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.application.Caller;
import io.collections.application.Role;
import io.collections.application.product.DeleteProduct;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an earlier version accepted and stored stays readable and deletable when a later one checks input more
 * strictly: checks on what comes in do not run again on what is read back.
 */
class RowsStoredByEarlierVersionsTest {
    private final JdbcAdapters adapters = TestDatabases.h2();
    private final ClientId client = new ClientId("client-" + UUID.randomUUID());

    @AfterEach
    void close() {
        adapters.close();
    }

    @Test
    void aProductPausedInTheYear10000OrNamedWithNoBreakSpacesIsReadAndDeleted() {
        Product far = store("Far");
        Product spaces = store("Spaces");
        JdbiTransactions transactions = (JdbiTransactions) adapters.transactions();
        transactions.withHandle(handle -> handle.execute("UPDATE products SET syncing_paused_at ="
                + " TIMESTAMP WITH TIME ZONE '10000-01-01 00:00:00+00' WHERE id = " + far.id().value()));
        transactions.withHandle(handle -> handle.execute("UPDATE products SET name = U&'\\00A0\\202F',"
                + " tags = U&'[\"\\202F\"]' WHERE id = " + spaces.id().value()));

        assertThat(adapters.catalog().find(client, far.id()).orElseThrow().details().syncingPausedAt())
                .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThat(adapters.catalog().find(client, spaces.id()).orElseThrow().details().tags())
                .containsExactly("\u202f");
        DeleteProduct delete = new DeleteProduct(adapters.transactions(), adapters.catalog(), adapters.collections());
        for (Product product : List.of(far, spaces)) {
            delete.execute(Caller.of(client.value(), "u", Role.OWNER), product.id());
            assertThat(adapters.catalog().find(client, product.id())).isEmpty();
        }
    }

    private Product store(String name) {
        Product product = Product.create(adapters.ids().nextProductId(), client,
                ProductDetails.builder().name(name).tags(List.of("ok")).build(), new UserId("u"), Instant.now());
        adapters.transactions().inTransaction(() -> adapters.catalog().insert(product));
        return product;
    }
}
