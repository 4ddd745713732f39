package io.collections.adapter.jdbc;

import java.util.UUID;

class H2MembershipRowsTest extends MembershipRowsTest {
    @Override
    protected JdbcAdapters open() {
        return JdbcAdapters.start(new JdbcSettings("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", null, null,
                4));
    }

    @Override
    protected void dropDatabase() {
        // An in-memory database of its own per test; nothing to drop.
    }

    @Override
    protected boolean keepsLeftRows() {
        return true;
    }
}
