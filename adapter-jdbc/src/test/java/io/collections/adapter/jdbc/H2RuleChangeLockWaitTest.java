package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.ClientId;
import io.collections.domain.ConflictException;
import io.collections.domain.UserId;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.MemberState;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rule lock on H2, which has no shared row locks (decision 0100): a product write waits for a rule change of its
 * client longer than H2's own two-second lock timeout, and its transaction goes on to commit what it wrote before
 * it waited; two product writes of one client do not wait for each other; and a wait for another lock past H2's
 * timeout is a conflict to try again, with nothing written.
 */
class H2RuleChangeLockWaitTest {
    private final JdbcAdapters adapters = JdbcAdapters.start(new JdbcSettings("jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", null, null, 4));
    private final ClientId client = new ClientId("client-" + UUID.randomUUID());
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        threads.shutdownNow();
        adapters.close();
    }

    @Test
    void aProductWriteOutwaitsH2sLockTimeoutBehindARuleChange() throws Exception {
        JdbiTransactions transactions = (JdbiTransactions) adapters.transactions();
        RuleChangeLocks locks = new RuleChangeLocks(transactions);
        CountDownLatch locked = new CountDownLatch(1);
        Future<?> ruleChange = threads.submit(() -> transactions.withHandle(handle -> {
            locks.exclusive(handle, client.value());
            locked.countDown();
            Pauses.sleep(3_000);
            return null;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        Product product = Product.create(adapters.ids().nextProductId(), client,
                ProductDetails.builder().name("Waits").productType("shoe").build(), new UserId("u"), Instant.now());

        long started = System.nanoTime();
        adapters.transactions().inTransaction(() -> {
            adapters.catalog().insert(product);
            adapters.collections().refreshMemberships(client, List.of(product));
        });
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        ruleChange.get(10, TimeUnit.SECONDS);
        assertThat(waitedMillis).as("waited behind the rule change").isGreaterThan(2_000);
        assertThat(adapters.catalog().find(client, product.id())).isPresent();
    }

    @Test
    void productWritesOfOneClientDoNotWaitForEachOther() throws Exception {
        JdbiTransactions transactions = (JdbiTransactions) adapters.transactions();
        RuleChangeLocks locks = new RuleChangeLocks(transactions);
        transactions.withHandle(handle -> {
            locks.exclusive(handle, client.value());
            return null;
        });
        assertASecondShareDoesNotWaitForAnOpenOne(transactions, locks);
    }

    /** A client's first write (its first import, say) does not hold back the next one on the lock's own rows. */
    @Test
    void theFirstProductWritesOfANewClientDoNotWaitForEachOther() throws Exception {
        JdbiTransactions transactions = (JdbiTransactions) adapters.transactions();
        assertASecondShareDoesNotWaitForAnOpenOne(transactions, new RuleChangeLocks(transactions));
    }

    private void assertASecondShareDoesNotWaitForAnOpenOne(JdbiTransactions transactions, RuleChangeLocks locks)
            throws Exception {
        CountDownLatch shared = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> open = threads.submit(() -> transactions.withHandle(handle -> {
            locks.share(handle, client.value());
            shared.countDown();
            Pauses.await(release);
            return null;
        }));
        assertThat(shared.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            Future<?> second = threads.submit(() -> transactions.withHandle(handle -> {
                locks.share(handle, client.value());
                return null;
            }));
            second.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        open.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLockWaitPastH2sTimeoutIsAConflictAndChangesNothing() throws Exception {
        ProductCollection collection = ProductCollection.create(adapters.ids().nextCollectionId(), client, "Busy",
                CollectionStatus.DRAFT, null, RuleSet.NONE, SortOrder.MANUAL, new UserId("u"), Instant.now());
        adapters.transactions().inTransaction(() -> adapters.collections().insert(collection));
        Product product = Product.create(adapters.ids().nextProductId(), client,
                ProductDetails.builder().name("Held").build(), new UserId("u"), Instant.now());
        adapters.transactions().inTransaction(() -> adapters.catalog().insert(product));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> adapters.transactions().inTransaction(() -> {
            adapters.collections().addMembers(client, collection.id(), List.of(product.id()));
            holding.countDown();
            Pauses.await(release);
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
                adapters.collections().saveMemberState(client, collection.id(), product.id(),
                        new MemberState(false, false, true));
            })).isInstanceOf(ConflictException.class).hasMessageContaining("try again");
        } finally {
            release.countDown();
        }
        holder.get(10, TimeUnit.SECONDS);
        assertThat(adapters.collections().memberState(client, collection.id(), product.id()))
                .isEqualTo(new MemberState(false, true, false));
    }
}
