package io.collections.application.imports;

import io.collections.domain.ClientId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The import job table, shared by every instance on one database, and the per-client limits kept with it. Its
 * writes commit on their own, outside any caller's transaction, so that progress is visible while an import's
 * own transaction is still open and so that a job survives the failure of the import it describes.
 */
public interface ImportJobs {

    /**
     * Counts a request against the client's rate of {@code perSecond} requests per second.
     *
     * @return how long to wait when the rate is exceeded; empty when the request may go on
     */
    Optional<Duration> tryAcquireRate(ClientId clientId, int perSecond, Instant now);

    /**
     * Records a new job unless the client already has {@code maxActive} active ones (see {@link #countActive});
     * check and insert are atomic across instances. The job's {@code createdAt} is taken as the current time.
     *
     * @return the job with its id, or empty when the limit is reached
     */
    Optional<ImportJob> createIfBelowLimit(ImportJob job, int maxActive);

    /**
     * The client's active jobs: queued, running in the background (even with a lapsed lease: it will be taken
     * over), or running synchronously with an unexpired lease (a lapsed one means its instance died).
     */
    int countActive(ClientId clientId, Instant now);

    Optional<ImportJob> find(ClientId clientId, long id);

    /** Records progress, and the end of a job; refused (false) when another instance holds the lease now. */
    boolean update(ImportJob job, String leaseOwner);

    /**
     * Takes the oldest background job that is queued, or running with an expired lease (its instance died), and
     * leases it to {@code owner} until {@code leaseUntil}; no two instances get the same job.
     */
    Optional<ImportJob> claimNext(String owner, Instant now, Instant leaseUntil);

    /** Extends the lease of a job this owner holds; false when it lost the lease. */
    boolean heartbeat(long id, String owner, Instant leaseUntil);
}
