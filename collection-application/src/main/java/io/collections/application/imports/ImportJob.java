package io.collections.application.imports;

import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.UserId;
import io.collections.domain.catalog.Provider;
import io.collections.domain.collection.CollectionStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One import, synchronous or in the background, as the job table records it: who asked, what for, how far it
 * got, and (only while it is active) the sealed credentials another instance needs to take it over.
 */
public record ImportJob(
        long id,
        ClientId clientId,
        UserId requestedBy,
        Provider provider,
        String requestedName,
        CollectionStatus requestedStatus,
        boolean background,
        ImportStatus status,
        long processed,
        long skipped,
        CollectionId collectionId,
        String error,
        String sealedCredentials,
        String leaseOwner,
        Instant leaseUntil,
        Instant createdAt,
        Instant updatedAt) {

    public ImportJob {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public ImportJob withProgress(long newProcessed, long newSkipped, Instant at) {
        return new ImportJob(id, clientId, requestedBy, provider, requestedName, requestedStatus, background, status,
                newProcessed, newSkipped, collectionId, error, sealedCredentials, leaseOwner, leaseUntil, createdAt, at);
    }

    /**
     * Rolled back by a conflict with another write and to run again from the start once its lease lapses: running
     * still, progress back to nothing, credentials kept.
     */
    public ImportJob restarting(Instant at) {
        return new ImportJob(id, clientId, requestedBy, provider, requestedName, requestedStatus, background,
                ImportStatus.RUNNING, 0, 0, null, null, sealedCredentials, leaseOwner, leaseUntil, createdAt, at);
    }

    /**
     * Given back by an instance that stops before finishing it: queued again from the start, credentials kept, so
     * the next claim (by any instance) runs it again.
     */
    public ImportJob requeued(Instant at) {
        return new ImportJob(id, clientId, requestedBy, provider, requestedName, requestedStatus, background,
                ImportStatus.QUEUED, 0, 0, null, null, sealedCredentials, leaseOwner, leaseUntil, createdAt, at);
    }

    /** Finished well: the credentials are erased. */
    public ImportJob succeeded(CollectionId collection, Instant at) {
        return new ImportJob(id, clientId, requestedBy, provider, requestedName, requestedStatus, background,
                ImportStatus.SUCCEEDED, processed, skipped, collection, null, null, null, null, createdAt, at);
    }

    /** Finished badly: the credentials are erased and the reason kept. */
    public ImportJob failed(String reason, Instant at) {
        return new ImportJob(id, clientId, requestedBy, provider, requestedName, requestedStatus, background,
                ImportStatus.FAILED, processed, skipped, null, reason, null, null, null, createdAt, at);
    }

    @Override
    public String toString() {
        return "ImportJob[id=" + id + ", client=" + clientId + ", provider=" + provider.pathName() + ", status="
                + status + ", processed=" + processed + ", skipped=" + skipped + "]";
    }
}
