package io.collections.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.application.imports.ImportJob;
import io.collections.application.imports.ImportJobs;
import io.collections.application.imports.ImportStatus;
import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.UserId;
import io.collections.domain.catalog.Provider;
import io.collections.domain.collection.CollectionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ImportJobs} adapter must do, as its Javadoc says: the rate window, the active-imports limit,
 * client scoping, lease ownership, credential erasure, claiming and takeover, also with concurrent callers on two
 * instances sharing one store. Times are passed explicitly; nothing sleeps.
 */
public abstract class ImportJobsContract {
    protected static final Instant T0 = Instant.parse("2024-01-07T12:30:00Z");
    protected static final ClientId ACME = new ClientId("acme");
    protected static final ClientId GLOBEX = new ClientId("globex");
    protected static final UserId ALICE = new UserId("alice");
    protected static final Duration LEASE = Duration.ofSeconds(30);
    private static final int ROUNDS = 8;

    protected ImportJobs jobs;

    /** A fresh, empty job table. */
    protected abstract ImportJobs newImportJobs();

    /**
     * Another instance on the store of the last {@link #newImportJobs()}, as a second application instance on the
     * same database would see it; the same object for adapters that live in one process.
     */
    protected ImportJobs anotherInstance() {
        return jobs;
    }

    @BeforeEach
    void createJobTable() {
        jobs = newImportJobs();
    }

    // --- rate ---

    @Test
    void aSecondRequestInTheSameSecondWaitsForTheWindowToFree() {
        assertThat(jobs.tryAcquireRate(ACME, 1, T0)).isEmpty();

        Optional<Duration> wait = jobs.tryAcquireRate(ACME, 1, T0.plusMillis(400));

        assertThat(wait).contains(Duration.ofMillis(600));
        assertThat(jobs.tryAcquireRate(ACME, 1, T0.plusMillis(999))).contains(Duration.ofMillis(1));
    }

    @Test
    void theRateOfOneClientLeavesOthersAlone() {
        assertThat(jobs.tryAcquireRate(ACME, 1, T0)).isEmpty();

        assertThat(jobs.tryAcquireRate(GLOBEX, 1, T0)).isEmpty();
        assertThat(jobs.tryAcquireRate(ACME, 1, T0)).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void theNextSecondIsAllowedAndRefusedRequestsDoNotCount() {
        assertThat(jobs.tryAcquireRate(ACME, 1, T0)).isEmpty();
        assertThat(jobs.tryAcquireRate(ACME, 1, T0.plusMillis(500))).isPresent();

        assertThat(jobs.tryAcquireRate(ACME, 1, T0.plusSeconds(1))).isEmpty();
        assertThat(jobs.tryAcquireRate(ACME, 1, T0.plusMillis(1500))).contains(Duration.ofMillis(500));
    }

    @Test
    void aHigherRateAllowsThatManyRequestsInAnySecond() {
        assertThat(jobs.tryAcquireRate(ACME, 3, T0)).isEmpty();
        assertThat(jobs.tryAcquireRate(ACME, 3, T0.plusMillis(100))).isEmpty();
        assertThat(jobs.tryAcquireRate(ACME, 3, T0.plusMillis(200))).isEmpty();

        assertThat(jobs.tryAcquireRate(ACME, 3, T0.plusMillis(300))).contains(Duration.ofMillis(700));
        assertThat(jobs.tryAcquireRate(ACME, 3, T0.plusMillis(1000))).isEmpty();
        assertThat(jobs.tryAcquireRate(ACME, 3, T0.plusMillis(1050))).contains(Duration.ofMillis(50));
    }

    // --- create, count, find ---

    @Test
    void aCreatedJobGetsAnIdAndReadsBackAsItWasGiven() {
        ImportJob job = new ImportJob(0, ACME, ALICE, Provider.WOOCOMMERCE, "Summer", CollectionStatus.ENABLED, true,
                ImportStatus.QUEUED, 0, 0, null, null, "sealed:woo", null, null, T0, T0);

        ImportJob first = jobs.createIfBelowLimit(job, 10).orElseThrow();
        ImportJob second = jobs.createIfBelowLimit(queued(ACME, T0), 10).orElseThrow();

        assertThat(first.id()).isPositive();
        assertThat(second.id()).isPositive().isNotEqualTo(first.id());
        assertThat(first).usingRecursiveComparison().ignoringFields("id").isEqualTo(job);
        assertThat(jobs.find(ACME, first.id())).contains(first);
        assertThat(jobs.find(ACME, second.id())).contains(second);
    }

    @Test
    void aJobWithoutOptionalFieldsReadsBackWithout() {
        ImportJob job = new ImportJob(0, ACME, ALICE, Provider.SHOPIFY, null, null, false, ImportStatus.RUNNING, 0, 0,
                null, null, null, "instance-a", T0.plus(LEASE), T0, T0);

        ImportJob created = jobs.createIfBelowLimit(job, 10).orElseThrow();

        assertThat(jobs.find(ACME, created.id())).contains(created);
    }

    @Test
    void findSeesOnlyTheClientsOwnJobs() {
        ImportJob created = jobs.createIfBelowLimit(queued(ACME, T0), 10).orElseThrow();

        assertThat(jobs.find(GLOBEX, created.id())).isEmpty();
        assertThat(jobs.find(ACME, created.id() + 1000)).isEmpty();
    }

    @Test
    void theLimitRefusesOnceTheClientHasThatManyActiveJobs() {
        assertThat(jobs.createIfBelowLimit(queued(ACME, T0), 2)).isPresent();
        assertThat(jobs.createIfBelowLimit(running(ACME, "instance-a", T0), 2)).isPresent();

        assertThat(jobs.createIfBelowLimit(queued(ACME, T0.plusSeconds(1)), 2)).isEmpty();
        assertThat(jobs.countActive(ACME, T0.plusSeconds(1))).isEqualTo(2);
        assertThat(jobs.createIfBelowLimit(queued(GLOBEX, T0.plusSeconds(1)), 2)).isPresent();
        assertThat(jobs.countActive(GLOBEX, T0.plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void finishedJobsDoNotCount() {
        ImportJob sync = jobs.createIfBelowLimit(running(ACME, "instance-a", T0), 1).orElseThrow();
        assertThat(jobs.createIfBelowLimit(queued(ACME, T0), 1)).isEmpty();

        assertThat(jobs.update(sync.failed("provider down", T0.plusSeconds(1)), "instance-a")).isTrue();

        assertThat(jobs.countActive(ACME, T0.plusSeconds(1))).isZero();
        assertThat(jobs.createIfBelowLimit(queued(ACME, T0.plusSeconds(1)), 1)).isPresent();
    }

    @Test
    void aSynchronousJobStopsCountingWhenItsLeaseLapses() {
        jobs.createIfBelowLimit(running(ACME, "instance-a", T0), 1).orElseThrow();

        assertThat(jobs.countActive(ACME, T0.plus(LEASE).minusMillis(1))).isEqualTo(1);
        assertThat(jobs.countActive(ACME, T0.plus(LEASE))).as("its instance died").isZero();
        assertThat(jobs.createIfBelowLimit(queued(ACME, T0.plusSeconds(10)), 1)).isEmpty();
        assertThat(jobs.createIfBelowLimit(queued(ACME, T0.plus(LEASE)), 1)).isPresent();
    }

    @Test
    void aBackgroundJobCountsEvenWithALapsedLeaseBecauseItWillBeTakenOver() {
        jobs.createIfBelowLimit(queued(ACME, T0), 5).orElseThrow();
        jobs.claimNext("instance-a", T0, T0.plus(LEASE)).orElseThrow();

        assertThat(jobs.countActive(ACME, T0.plus(LEASE).plusSeconds(60))).isEqualTo(1);
        assertThat(jobs.countActive(GLOBEX, T0)).isZero();
    }

    // --- update and heartbeat ---

    @Test
    void theLeaseHolderRecordsProgressAndKeepsTheStoredCredentialsAndLease() {
        ImportJob claimed = claimOne("instance-a", T0);
        ImportJob withoutSecrets = new ImportJob(claimed.id(), ACME, ALICE, Provider.SHOPIFY, null,
                CollectionStatus.DRAFT, true, ImportStatus.RUNNING, 250, 3, null, null, null, null, null,
                claimed.createdAt(), T0.plusSeconds(5));

        assertThat(jobs.update(withoutSecrets, "instance-a")).isTrue();

        ImportJob stored = jobs.find(ACME, claimed.id()).orElseThrow();
        assertThat(stored.processed()).isEqualTo(250);
        assertThat(stored.skipped()).isEqualTo(3);
        assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(stored.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(stored.sealedCredentials()).isEqualTo(claimed.sealedCredentials()).isNotNull();
        assertThat(stored.leaseOwner()).isEqualTo("instance-a");
        assertThat(stored.leaseUntil()).isEqualTo(T0.plus(LEASE));
    }

    @Test
    void anUpdateFromAnInstanceWithoutTheLeaseIsRefused() {
        ImportJob claimed = claimOne("instance-a", T0);

        assertThat(jobs.update(claimed.withProgress(99, 1, T0.plusSeconds(1)), "instance-b")).isFalse();
        assertThat(jobs.update(claimed.failed("not mine", T0.plusSeconds(1)), "instance-b")).isFalse();

        assertThat(jobs.find(ACME, claimed.id())).contains(claimed);
    }

    @Test
    void succeedingErasesTheCredentialsAndTheLease() {
        ImportJob claimed = claimOne("instance-a", T0);
        CollectionId collection = new CollectionId(123_456_789L);

        assertThat(jobs.update(claimed.withProgress(10, 2, T0.plusSeconds(1))
                .succeeded(collection, T0.plusSeconds(2)), "instance-a")).isTrue();

        ImportJob stored = jobs.find(ACME, claimed.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(stored.collectionId()).isEqualTo(collection);
        assertThat(stored.processed()).isEqualTo(10);
        assertThat(stored.skipped()).isEqualTo(2);
        assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(stored.sealedCredentials()).isNull();
        assertThat(stored.leaseOwner()).isNull();
        assertThat(stored.leaseUntil()).isNull();
    }

    @Test
    void failingKeepsTheReasonAndErasesTheCredentialsEvenWhenTheCallerStillCarriesThem() {
        ImportJob claimed = claimOne("instance-a", T0);
        ImportJob failedCarryingSecrets = new ImportJob(claimed.id(), ACME, ALICE, Provider.SHOPIFY, null,
                CollectionStatus.DRAFT, true, ImportStatus.FAILED, 4, 0, null, "provider rejected the credentials",
                claimed.sealedCredentials(), "instance-a", T0.plus(LEASE), claimed.createdAt(), T0.plusSeconds(3));

        assertThat(jobs.update(failedCarryingSecrets, "instance-a")).isTrue();

        ImportJob stored = jobs.find(ACME, claimed.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(stored.error()).isEqualTo("provider rejected the credentials");
        assertThat(stored.sealedCredentials()).isNull();
        assertThat(stored.leaseOwner()).isNull();
        assertThat(stored.leaseUntil()).isNull();
    }

    @Test
    void aFinishedJobTakesNoMoreUpdatesOrHeartbeats() {
        ImportJob claimed = claimOne("instance-a", T0);
        ImportJob failed = claimed.failed("boom", T0.plusSeconds(1));
        assertThat(jobs.update(failed, "instance-a")).isTrue();

        assertThat(jobs.update(claimed.withProgress(5, 0, T0.plusSeconds(2)), "instance-a")).isFalse();
        assertThat(jobs.heartbeat(claimed.id(), "instance-a", T0.plusSeconds(60))).isFalse();
        assertThat(jobs.find(ACME, claimed.id())).contains(failed);
    }

    @Test
    void theLeaseHolderExtendsItsLeaseAndKeepsTheJobFromBeingTakenOver() {
        ImportJob claimed = claimOne("instance-a", T0);

        assertThat(jobs.heartbeat(claimed.id(), "instance-a", T0.plusSeconds(60))).isTrue();

        assertThat(jobs.find(ACME, claimed.id()).orElseThrow().leaseUntil()).isEqualTo(T0.plusSeconds(60));
        assertThat(jobs.claimNext("instance-b", T0.plusSeconds(45), T0.plusSeconds(75))).isEmpty();
    }

    @Test
    void aHeartbeatWithoutTheLeaseIsRefused() {
        ImportJob claimed = claimOne("instance-a", T0);

        assertThat(jobs.heartbeat(claimed.id(), "instance-b", T0.plusSeconds(60))).isFalse();
        assertThat(jobs.heartbeat(claimed.id() + 1000, "instance-a", T0.plusSeconds(60))).isFalse();

        assertThat(jobs.find(ACME, claimed.id()).orElseThrow().leaseUntil()).isEqualTo(T0.plus(LEASE));
    }

    // --- claim ---

    @Test
    void thereIsNothingToClaimWithoutQueuedBackgroundJobs() {
        assertThat(jobs.claimNext("instance-a", T0, T0.plus(LEASE))).isEmpty();

        jobs.createIfBelowLimit(running(ACME, "instance-a", T0), 10).orElseThrow();

        assertThat(jobs.claimNext("instance-b", T0.plus(LEASE).plusSeconds(1), T0.plus(LEASE).plusSeconds(31)))
                .as("a synchronous import is never taken over").isEmpty();
    }

    @Test
    void claimsTakeTheOldestJobFirstAndLeaseItToTheClaimer() {
        ImportJob youngest = jobs.createIfBelowLimit(queued(ACME, T0.plusSeconds(2)), 10).orElseThrow();
        ImportJob oldest = jobs.createIfBelowLimit(queued(GLOBEX, T0), 10).orElseThrow();
        ImportJob middle = jobs.createIfBelowLimit(queued(ACME, T0.plusSeconds(1)), 10).orElseThrow();
        Instant now = T0.plusSeconds(3);

        ImportJob first = jobs.claimNext("instance-a", now, now.plus(LEASE)).orElseThrow();
        ImportJob second = jobs.claimNext("instance-b", now, now.plus(LEASE)).orElseThrow();
        ImportJob third = jobs.claimNext("instance-a", now, now.plus(LEASE)).orElseThrow();

        assertThat(List.of(first.id(), second.id(), third.id()))
                .containsExactly(oldest.id(), middle.id(), youngest.id());
        assertThat(jobs.claimNext("instance-b", now, now.plus(LEASE))).isEmpty();
        assertThat(first.clientId()).isEqualTo(GLOBEX);
        assertThat(first.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(first.leaseOwner()).isEqualTo("instance-a");
        assertThat(first.leaseUntil()).isEqualTo(now.plus(LEASE));
        assertThat(first.sealedCredentials()).isEqualTo(oldest.sealedCredentials());
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.updatedAt()).isEqualTo(now);
        assertThat(jobs.find(GLOBEX, first.id())).contains(first);
    }

    @Test
    void aJobWhoseLeaseLapsedIsTakenOverFromTheStartAndTheOldHolderLosesIt() {
        ImportJob claimed = claimOne("instance-a", T0);
        assertThat(jobs.update(claimed.withProgress(500, 7, T0.plusSeconds(5)), "instance-a")).isTrue();
        assertThat(jobs.claimNext("instance-b", T0.plus(LEASE).minusMillis(1), T0.plusSeconds(60))).isEmpty();

        ImportJob takenOver = jobs.claimNext("instance-b", T0.plus(LEASE), T0.plus(LEASE).plus(LEASE)).orElseThrow();

        assertThat(takenOver.id()).isEqualTo(claimed.id());
        assertThat(takenOver.leaseOwner()).isEqualTo("instance-b");
        assertThat(takenOver.leaseUntil()).isEqualTo(T0.plus(LEASE).plus(LEASE));
        assertThat(takenOver.processed()).isZero();
        assertThat(takenOver.skipped()).isZero();
        assertThat(takenOver.sealedCredentials()).isEqualTo(claimed.sealedCredentials());
        assertThat(jobs.update(claimed.withProgress(600, 7, T0.plus(LEASE)), "instance-a")).isFalse();
        assertThat(jobs.heartbeat(claimed.id(), "instance-a", T0.plusSeconds(90))).isFalse();
        assertThat(jobs.find(ACME, claimed.id())).contains(takenOver);
    }

    @Test
    void finishedJobsAreNeverClaimed() {
        ImportJob claimed = claimOne("instance-a", T0);
        assertThat(jobs.update(claimed.succeeded(new CollectionId(7), T0.plusSeconds(1)), "instance-a")).isTrue();

        assertThat(jobs.claimNext("instance-b", T0.plusSeconds(3600), T0.plusSeconds(3630))).isEmpty();
    }

    // --- concurrency, on one instance and across two ---

    @Test
    void concurrentRequestsOnTwoInstancesPassTheRateOnlyOnce() throws Exception {
        ImportJobs sibling = anotherInstance();

        // Several rounds, so that a race has more than one chance to show.
        for (int round = 0; round < ROUNDS; round++) {
            ClientId client = new ClientId("rate-" + round);
            List<Optional<Duration>> firstRequests = concurrently(8,
                    thread -> (thread % 2 == 0 ? jobs : sibling).tryAcquireRate(client, 1, T0));
            // One of two places left in the window, nothing yet to forget: only a lock keeps the racers apart.
            List<Optional<Duration>> laterRequests = concurrently(8,
                    thread -> (thread % 2 == 0 ? jobs : sibling).tryAcquireRate(client, 2, T0.plusMillis(500)));

            assertThat(firstRequests).as("round %d, new client", round).filteredOn(Optional::isEmpty).hasSize(1);
            assertThat(laterRequests).as("round %d, known client", round).filteredOn(Optional::isEmpty).hasSize(1);
        }
    }

    @Test
    void concurrentSubmissionsOnTwoInstancesStayWithinTheLimit() throws Exception {
        ImportJobs sibling = anotherInstance();

        for (int round = 0; round < ROUNDS; round++) {
            ClientId client = new ClientId("client-" + round);
            List<Optional<ImportJob>> created = concurrently(8,
                    thread -> (thread % 2 == 0 ? jobs : sibling).createIfBelowLimit(queued(client, T0), 3));

            assertThat(created).as("round %d", round).filteredOn(Optional::isPresent).hasSize(3);
            assertThat(jobs.countActive(client, T0)).isEqualTo(3);
            assertThat(sibling.countActive(client, T0)).isEqualTo(3);
        }
    }

    @Test
    void concurrentClaimersOnTwoInstancesNeverGetTheSameJob() throws Exception {
        ImportJobs sibling = anotherInstance();
        Set<Long> queued = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            queued.add(jobs.createIfBelowLimit(queued(i % 2 == 0 ? ACME : GLOBEX, T0.plusMillis(i)), 100)
                    .orElseThrow().id());
        }

        List<List<Long>> claimedPerThread = concurrently(6, thread -> {
            ImportJobs instance = thread % 2 == 0 ? jobs : sibling;
            List<Long> claimed = new ArrayList<>();
            for (Optional<ImportJob> next = instance.claimNext("claimer-" + thread, T0.plusSeconds(1),
                    T0.plusSeconds(31)); next.isPresent(); next = instance.claimNext("claimer-" + thread,
                    T0.plusSeconds(1), T0.plusSeconds(31))) {
                assertThat(next.get().leaseOwner()).isEqualTo("claimer-" + thread);
                claimed.add(next.get().id());
            }
            return claimed;
        });

        List<Long> all = claimedPerThread.stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates();
        assertThat(all).containsExactlyInAnyOrderElementsOf(queued);
    }

    // --- helpers ---

    /** A background job waiting for an instance, with sealed credentials. */
    protected static ImportJob queued(ClientId client, Instant at) {
        return new ImportJob(0, client, ALICE, Provider.SHOPIFY, null, CollectionStatus.DRAFT, true,
                ImportStatus.QUEUED, 0, 0, null, null, "sealed:" + client + ":" + at, null, null, at, at);
    }

    /** A synchronous job running on {@code owner} with a lease of {@link #LEASE}. */
    protected static ImportJob running(ClientId client, String owner, Instant at) {
        return new ImportJob(0, client, ALICE, Provider.GOOGLE_MERCHANT, "Feed", CollectionStatus.DRAFT, false,
                ImportStatus.RUNNING, 0, 0, null, null, null, owner, at.plus(LEASE), at, at);
    }

    /** Queues an ACME background job at {@code at} and claims it for {@code owner} until {@code at + LEASE}. */
    protected ImportJob claimOne(String owner, Instant at) {
        ImportJob created = jobs.createIfBelowLimit(queued(ACME, at), 10).orElseThrow();
        ImportJob claimed = jobs.claimNext(owner, at, at.plus(LEASE)).orElseThrow();
        assertThat(claimed.id()).isEqualTo(created.id());
        return claimed;
    }

    /** Runs {@code task} on that many threads released at once, and answers their results in thread order. */
    protected static <T> List<T> concurrently(int threads, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int number = thread;
                Callable<T> call = () -> {
                    start.await();
                    return task.apply(number);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
