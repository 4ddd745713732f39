package io.collections.adapter.http.routes;

/** Whether the database answers; {@code GET /health} asks it on every call. */
@FunctionalInterface
public interface HealthCheck {
    boolean databaseReachable();
}
