package io.collections.adapter.jdbc;

class PostgresCanonicalAccountsMigrationTest extends CanonicalAccountsMigrationTest {
    private TestDatabases.PostgresSchema schema;

    @Override
    protected String freshUrl() {
        schema = TestDatabases.newPostgresSchema();
        return schema.url();
    }

    @Override
    protected void dropDatabase() {
        if (schema != null) {
            schema.drop();
        }
    }
}
