package io.collections.adapter.jdbc.imports;

import io.collections.application.imports.ImportJob;
import io.collections.application.imports.ImportJobs;
import io.collections.domain.ClientId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The import job table and the per-client limits on H2 or PostgreSQL (schema {@code V50__import_jobs.sql}). Every
 * method runs in a short READ COMMITTED transaction of its own; limits are made atomic across instances by locking
 * the client's {@code import_clients} row, claims by {@code FOR UPDATE SKIP LOCKED} plus a compare-and-set update.
 */
public final class JdbcImportJobs implements ImportJobs {
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(1);
    /** Enough to get past jobs that other instances claim at the same moment; a miss only delays to the next poll. */
    private static final int CLAIM_ATTEMPTS = 16;

    /** What {@link ImportJobs#countActive} counts, as a condition on {@code :now}. */
    private static final String ACTIVE = "(status = 'QUEUED'"
            + " OR (status = 'RUNNING' AND (background = TRUE OR lease_until > :now)))";
    /** What {@link ImportJobs#claimNext} may take, as a condition on {@code :now}. */
    private static final String CLAIMABLE = "background = TRUE"
            + " AND (status = 'QUEUED' OR (status = 'RUNNING' AND lease_until <= :now))";
    private static final String PROGRESS = "status = :status, processed = :processed, skipped = :skipped,"
            + " collection_id = :collectionId, error = :error, updated_at = :updatedAt";

    private final Jdbi jdbi;
    private final ImportJobRowMapper rows = new ImportJobRowMapper();

    public JdbcImportJobs(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Duration> tryAcquireRate(ClientId clientId, int perSecond, Instant now) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1, was " + perSecond);
        }
        return inOwnTransaction(handle -> {
            lockClient(handle, clientId);
            // A sliding log: the client's requests of the last second, the older ones deleted as they leave it.
            handle.createUpdate("DELETE FROM import_rate_requests WHERE client_id = :client AND requested_at <= :since")
                    .bind("client", clientId.value())
                    .bindByType("since", utc(now.minus(RATE_WINDOW)), OffsetDateTime.class)
                    .execute();
            RateWindow window = handle.createQuery("SELECT COUNT(*) AS requests, MIN(requested_at) AS oldest"
                            + " FROM import_rate_requests WHERE client_id = :client")
                    .bind("client", clientId.value())
                    .map((row, context) -> new RateWindow(row.getInt("requests"), instant(row, "oldest")))
                    .one();
            if (window.requests() >= perSecond) {
                return Optional.of(waitUntilFree(window.oldest(), now));
            }
            handle.createUpdate("INSERT INTO import_rate_requests (client_id, requested_at) VALUES (:client, :at)")
                    .bind("client", clientId.value())
                    .bindByType("at", utc(now), OffsetDateTime.class)
                    .execute();
            return Optional.<Duration>empty();
        });
    }

    @Override
    public Optional<ImportJob> createIfBelowLimit(ImportJob job, int maxActive) {
        return inOwnTransaction(handle -> {
            lockClient(handle, job.clientId());
            if (countActive(handle, job.clientId(), job.createdAt()) >= maxActive) {
                return Optional.<ImportJob>empty();
            }
            // The id comes from the sequence of collections and products (a block of its own, see
            // SequenceIdGenerator), so that no id of the installation names two things.
            long id = bindJob(handle.createUpdate("INSERT INTO import_jobs (id, client_id, requested_by, provider,"
                            + " requested_name, requested_status, background, status, processed, skipped,"
                            + " collection_id, error, sealed_credentials, lease_owner, lease_until, created_at,"
                            + " updated_at) VALUES (nextval('id_sequence'), :client, :requestedBy, :provider,"
                            + " :requestedName, :requestedStatus, :background, :status, :processed, :skipped,"
                            + " :collectionId, :error,"
                            + " :sealedCredentials, :leaseOwner, :leaseUntil, :createdAt, :updatedAt)"), job)
                    .bind("requestedBy", job.requestedBy().value())
                    .bind("provider", job.provider().name())
                    .bind("requestedName", job.requestedName())
                    .bind("requestedStatus", job.requestedStatus() == null ? null : job.requestedStatus().name())
                    .bind("background", job.background())
                    .bind("sealedCredentials", job.sealedCredentials())
                    .bind("leaseOwner", job.leaseOwner())
                    .bindByType("leaseUntil", utc(job.leaseUntil()), OffsetDateTime.class)
                    .bindByType("createdAt", utc(job.createdAt()), OffsetDateTime.class)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return Optional.of(withId(job, id));
        });
    }

    @Override
    public int countActive(ClientId clientId, Instant now) {
        return inOwnTransaction(handle -> countActive(handle, clientId, now));
    }

    @Override
    public Optional<ImportJob> find(ClientId clientId, long id) {
        return inOwnTransaction(handle -> handle.createQuery("SELECT " + ImportJobRowMapper.COLUMNS
                        + " FROM import_jobs WHERE id = :id AND client_id = :client")
                .bind("id", id)
                .bind("client", clientId.value())
                .map(rows)
                .findOne());
    }

    @Override
    public boolean update(ImportJob job, String leaseOwner) {
        // A finished job keeps no credentials and no lease; an active one keeps those it has (only claims and
        // heartbeats change them).
        String erasure = job.status().isActive() ? ""
                : ", sealed_credentials = NULL, lease_owner = NULL, lease_until = NULL";
        return inOwnTransaction(handle -> bindJob(handle.createUpdate("UPDATE import_jobs SET " + PROGRESS + erasure
                        + " WHERE id = :id AND client_id = :client AND lease_owner = :owner"), job)
                .bind("id", job.id())
                .bind("owner", leaseOwner)
                .execute() == 1);
    }

    @Override
    public Optional<ImportJob> claimNext(String owner, Instant now, Instant leaseUntil) {
        return inOwnTransaction(handle -> {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                Optional<Long> candidate = handle.createQuery("SELECT id FROM import_jobs WHERE " + CLAIMABLE
                                + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                        .bindByType("now", utc(now), OffsetDateTime.class)
                        .mapTo(Long.class)
                        .findOne();
                if (candidate.isEmpty()) {
                    return Optional.<ImportJob>empty();
                }
                // The condition again: the row lock makes this a formality on PostgreSQL, but it is what keeps two
                // claimers apart wherever a lock was skipped on a row version that is already stale.
                int claimed = handle.createUpdate("UPDATE import_jobs SET status = 'RUNNING', processed = 0,"
                                + " skipped = 0, collection_id = NULL, error = NULL, lease_owner = :owner,"
                                + " lease_until = :leaseUntil, updated_at = :now WHERE id = :id AND " + CLAIMABLE)
                        .bind("id", candidate.get())
                        .bind("owner", owner)
                        .bindByType("leaseUntil", utc(leaseUntil), OffsetDateTime.class)
                        .bindByType("now", utc(now), OffsetDateTime.class)
                        .execute();
                if (claimed == 1) {
                    return Optional.of(handle.createQuery("SELECT " + ImportJobRowMapper.COLUMNS
                                    + " FROM import_jobs WHERE id = :id")
                            .bind("id", candidate.get())
                            .map(rows)
                            .one());
                }
            }
            return Optional.<ImportJob>empty();
        });
    }

    @Override
    public boolean heartbeat(long id, String owner, Instant leaseUntil) {
        return inOwnTransaction(handle -> handle.createUpdate("UPDATE import_jobs SET lease_until = :leaseUntil"
                        + " WHERE id = :id AND lease_owner = :owner AND status IN ('QUEUED', 'RUNNING')")
                .bind("id", id)
                .bind("owner", owner)
                .bindByType("leaseUntil", utc(leaseUntil), OffsetDateTime.class)
                .execute() == 1);
    }

    /**
     * Runs {@code work} in a transaction on a handle of its own. {@link Jdbi#inTransaction} would join a handle
     * already open on this thread, such as the import's own long transaction; {@link Jdbi#open} never does.
     */
    private <R> R inOwnTransaction(HandleCallback<R, RuntimeException> work) {
        try (Handle handle = jdbi.open()) {
            // Lock, then read what others committed meanwhile: that needs READ COMMITTED, whatever the pool's default.
            return handle.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
        }
    }

    /** Locks the client's row until the transaction ends, creating it on the client's first import request. */
    private static void lockClient(Handle handle, ClientId clientId) {
        if (selectClientForUpdate(handle, clientId)) {
            return;
        }
        // ON CONFLICT DO NOTHING waits for a concurrent creator of the same row to commit, then leaves that row be.
        handle.createUpdate("INSERT INTO import_clients (client_id) VALUES (:client) ON CONFLICT DO NOTHING")
                .bind("client", clientId.value())
                .execute();
        if (!selectClientForUpdate(handle, clientId)) {
            throw new IllegalStateException("the import_clients row of client " + clientId + " could not be locked");
        }
    }

    private static boolean selectClientForUpdate(Handle handle, ClientId clientId) {
        return handle.createQuery("SELECT client_id FROM import_clients WHERE client_id = :client FOR UPDATE")
                .bind("client", clientId.value())
                .mapTo(String.class)
                .findOne()
                .isPresent();
    }

    private static int countActive(Handle handle, ClientId clientId, Instant now) {
        return handle.createQuery("SELECT COUNT(*) FROM import_jobs WHERE client_id = :client AND " + ACTIVE)
                .bind("client", clientId.value())
                .bindByType("now", utc(now), OffsetDateTime.class)
                .mapTo(Integer.class)
                .one();
    }

    /** Binds what both the insert and a progress update write. */
    private static <S extends SqlStatement<S>> S bindJob(S statement, ImportJob job) {
        return statement.bind("client", job.clientId().value())
                .bind("status", job.status().name())
                .bind("processed", job.processed())
                .bind("skipped", job.skipped())
                .bind("collectionId", job.collectionId() == null ? null : job.collectionId().value())
                .bind("error", job.error())
                .bindByType("updatedAt", utc(job.updatedAt()), OffsetDateTime.class);
    }

    private static ImportJob withId(ImportJob job, long id) {
        return new ImportJob(id, job.clientId(), job.requestedBy(), job.provider(), job.requestedName(),
                job.requestedStatus(), job.background(), job.status(), job.processed(), job.skipped(),
                job.collectionId(), job.error(), job.sealedCredentials(), job.leaseOwner(), job.leaseUntil(),
                job.createdAt(), job.updatedAt());
    }

    private static Duration waitUntilFree(Instant oldest, Instant now) {
        Duration wait = Duration.between(now, oldest.plus(RATE_WINDOW));
        if (wait.compareTo(SHORTEST_WAIT) < 0) {
            return SHORTEST_WAIT;
        }
        // An instance whose clock runs behind the others' may see their requests in its future.
        return wait.compareTo(RATE_WINDOW) > 0 ? RATE_WINDOW : wait;
    }

    /** Both databases keep microseconds; truncating here makes them agree on what is stored. */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record RateWindow(int requests, Instant oldest) {
    }
}
