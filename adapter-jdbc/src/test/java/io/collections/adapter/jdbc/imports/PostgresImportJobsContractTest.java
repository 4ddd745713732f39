package io.collections.adapter.jdbc.imports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The import job contract on PostgreSQL at {@code COLLECTIONS_TEST_POSTGRES_URL}, in a schema of its own that is
 * migrated once, emptied before every test and dropped at the end; skipped when the variable is not set.
 */
class PostgresImportJobsContractTest extends JdbcImportJobsContract {
    private static final String SCHEMA = "import_jobs_test_" + UUID.randomUUID().toString().replace("-", "");
    private static String baseUrl;
    private static String schemaUrl;

    @BeforeAll
    static void createSchema() throws SQLException {
        baseUrl = System.getenv("COLLECTIONS_TEST_POSTGRES_URL");
        if (!configured()) {
            return;
        }
        execute(baseUrl, "CREATE SCHEMA " + SCHEMA);
        schemaUrl = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        Flyway.configure().dataSource(schemaUrl, null, null).schemas(SCHEMA).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("binary_collation", "COLLATE \"C\""))
                .load().migrate();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (configured()) {
            execute(baseUrl, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Override
    protected String freshDatabaseUrl() {
        // Here rather than in @BeforeAll, so that each test is reported as skipped.
        Assumptions.assumeTrue(configured(),
                "COLLECTIONS_TEST_POSTGRES_URL not set: PostgreSQL contract tests skipped");
        try {
            execute(schemaUrl, "TRUNCATE import_jobs, import_clients, import_rate_requests RESTART IDENTITY");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the import tables in schema " + SCHEMA, e);
        }
        return schemaUrl;
    }

    private static boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
