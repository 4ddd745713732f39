package io.collections.adapter.jdbc;

import java.util.UUID;

class H2RuleIndexAcrossInstancesTest extends RuleIndexAcrossInstancesTest {
    @Override
    protected JdbcAdapters[] openTwoInstances() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return new JdbcAdapters[] {JdbcAdapters.start(new JdbcSettings(url, null, null, 4)),
                JdbcAdapters.start(new JdbcSettings(url, null, null, 4))};
    }

    @Override
    protected void dropDatabase() {
        // An in-memory database of its own per test; nothing to drop.
    }
}
