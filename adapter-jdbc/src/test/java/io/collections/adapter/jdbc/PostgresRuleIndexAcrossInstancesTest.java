package io.collections.adapter.jdbc;

class PostgresRuleIndexAcrossInstancesTest extends RuleIndexAcrossInstancesTest {
    private TestDatabases.PostgresSchema schema;

    @Override
    protected JdbcAdapters[] openTwoInstances() {
        schema = TestDatabases.newPostgresSchema();
        return new JdbcAdapters[] {JdbcAdapters.start(new JdbcSettings(schema.url(), null, null, 4)),
                JdbcAdapters.start(new JdbcSettings(schema.url(), null, null, 4))};
    }

    @Override
    protected void dropDatabase() {
        schema.drop();
    }
}
