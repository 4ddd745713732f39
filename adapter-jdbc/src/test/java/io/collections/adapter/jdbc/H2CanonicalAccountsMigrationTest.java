package io.collections.adapter.jdbc;

import java.util.UUID;

class H2CanonicalAccountsMigrationTest extends CanonicalAccountsMigrationTest {
    @Override
    protected String freshUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    @Override
    protected void dropDatabase() {
        // An in-memory database of its own per test, closed with the adapters.
    }
}
