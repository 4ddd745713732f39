package io.collections.adapter.http.imports;

import io.collections.adapter.http.json.Timestamps;
import io.collections.application.imports.ImportJob;

/** A background import as {@code GET /v1/imports/{id}} shows it; never its credentials or its lease. */
record ImportJobJson(String id, String provider, String status, long processed, long skipped, String collectionId,
        String error, String createdAt, String updatedAt) {

    static ImportJobJson from(ImportJob job) {
        return new ImportJobJson(Long.toUnsignedString(job.id()), job.provider().pathName(), job.status().wireName(),
                job.processed(), job.skipped(), job.collectionId() == null ? null : job.collectionId().toString(),
                job.error(), Timestamps.format(job.createdAt()), Timestamps.format(job.updatedAt()));
    }
}
