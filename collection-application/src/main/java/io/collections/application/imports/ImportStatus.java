package io.collections.application.imports;

/** Where a background import is: waiting for an instance, running on one, or finished either way. */
public enum ImportStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
