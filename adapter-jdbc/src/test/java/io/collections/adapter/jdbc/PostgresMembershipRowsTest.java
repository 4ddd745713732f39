package io.collections.adapter.jdbc;

class PostgresMembershipRowsTest extends MembershipRowsTest {
    private TestDatabases.PostgresSchema schema;

    @Override
    protected JdbcAdapters open() {
        schema = TestDatabases.newPostgresSchema();
        return JdbcAdapters.start(new JdbcSettings(schema.url(), null, null, 4));
    }

    @Override
    protected void dropDatabase() {
        schema.drop();
    }

    @Override
    protected boolean keepsLeftRows() {
        return false;
    }
}
