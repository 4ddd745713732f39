package io.collections.application.memory;

import io.collections.application.imports.ImportJob;
import io.collections.application.imports.ImportJobs;
import io.collections.application.imports.ImportStatus;
import io.collections.domain.ClientId;
import io.collections.domain.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Import jobs and rate windows in maps, guarded by one monitor: the single-process counterpart of the job table. */
public final class InMemoryImportJobs implements ImportJobs {
    private final Map<Long, ImportJob> jobs = new LinkedHashMap<>();
    private final Map<ClientId, List<Instant>> recentRequests = new HashMap<>();
    private final IdGenerator ids;

    /** Jobs numbered by a generator of their own: for tests of the jobs alone. */
    public InMemoryImportJobs() {
        this(new InMemoryIdGenerator());
    }

    /** Jobs numbered by the installation's generator, so that no job shares an id with a collection or product. */
    public InMemoryImportJobs(IdGenerator ids) {
        this.ids = ids;
    }

    @Override
    public synchronized Optional<Duration> tryAcquireRate(ClientId clientId, int perSecond, Instant now) {
        List<Instant> recent = recentRequests.computeIfAbsent(clientId, c -> new ArrayList<>());
        recent.removeIf(at -> !at.isAfter(now.minusSeconds(1)));
        if (recent.size() >= perSecond) {
            Duration wait = Duration.between(now, recent.get(0).plusSeconds(1));
            return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
        }
        recent.add(now);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<ImportJob> createIfBelowLimit(ImportJob job, int maxActive) {
        if (countActive(job.clientId(), job.createdAt()) >= maxActive) {
            return Optional.empty();
        }
        ImportJob stored = new ImportJob(ids.nextId(), job.clientId(), job.requestedBy(), job.provider(),
                job.requestedName(), job.requestedStatus(), job.background(), job.status(), job.processed(),
                job.skipped(), job.collectionId(), job.error(), job.sealedCredentials(), job.leaseOwner(),
                job.leaseUntil(), job.createdAt(), job.updatedAt());
        jobs.put(stored.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized int countActive(ClientId clientId, Instant now) {
        return (int) jobs.values().stream()
                .filter(j -> j.clientId().equals(clientId) && isActive(j, now))
                .count();
    }

    private static boolean isActive(ImportJob job, Instant now) {
        if (job.status() == ImportStatus.QUEUED) {
            return true;
        }
        return job.status() == ImportStatus.RUNNING && (job.background() || job.leaseUntil().isAfter(now));
    }

    @Override
    public synchronized Optional<ImportJob> find(ClientId clientId, long id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.clientId().equals(clientId));
    }

    @Override
    public synchronized boolean update(ImportJob job, String leaseOwner) {
        ImportJob current = jobs.get(job.id());
        if (current == null || !leaseOwner.equals(current.leaseOwner())) {
            return false;
        }
        // An active job keeps the credentials and lease it has; a finished one keeps neither, whatever it carries.
        boolean active = job.status().isActive();
        ImportJob stored = new ImportJob(job.id(), job.clientId(), job.requestedBy(), job.provider(),
                job.requestedName(), job.requestedStatus(), job.background(), job.status(), job.processed(),
                job.skipped(), job.collectionId(), job.error(), active ? current.sealedCredentials() : null,
                active ? current.leaseOwner() : null, active ? current.leaseUntil() : null, job.createdAt(),
                job.updatedAt());
        jobs.put(job.id(), stored);
        return true;
    }

    @Override
    public synchronized Optional<ImportJob> claimNext(String owner, Instant now, Instant leaseUntil) {
        Optional<ImportJob> next = jobs.values().stream()
                .filter(j -> j.background() && (j.status() == ImportStatus.QUEUED
                        || (j.status() == ImportStatus.RUNNING && !j.leaseUntil().isAfter(now))))
                .min(Comparator.comparing(ImportJob::createdAt).thenComparing(ImportJob::id));
        return next.map(job -> {
            ImportJob claimed = new ImportJob(job.id(), job.clientId(), job.requestedBy(), job.provider(),
                    job.requestedName(), job.requestedStatus(), true, ImportStatus.RUNNING, 0, 0, null, null,
                    job.sealedCredentials(), owner, leaseUntil, job.createdAt(), now);
            jobs.put(job.id(), claimed);
            return claimed;
        });
    }

    @Override
    public synchronized boolean heartbeat(long id, String owner, Instant leaseUntil) {
        ImportJob job = jobs.get(id);
        if (job == null || !owner.equals(job.leaseOwner()) || !job.status().isActive()) {
            return false;
        }
        jobs.put(id, new ImportJob(job.id(), job.clientId(), job.requestedBy(), job.provider(), job.requestedName(),
                job.requestedStatus(), job.background(), job.status(), job.processed(), job.skipped(),
                job.collectionId(), job.error(), job.sealedCredentials(), owner, leaseUntil, job.createdAt(),
                job.updatedAt()));
        return true;
    }
}
