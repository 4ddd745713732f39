package io.collections.adapter.jdbc;

import io.collections.application.contract.Adapters;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests: a private in-memory H2 per call, or a new schema in the PostgreSQL named by
 * {@code COLLECTIONS_TEST_POSTGRES_URL} (dropped again on close), so parallel and repeated runs never collide.
 */
final class TestDatabases {
    static final String POSTGRES_URL_VARIABLE = "COLLECTIONS_TEST_POSTGRES_URL";

    private TestDatabases() {
    }

    static JdbcAdapters h2() {
        return JdbcAdapters.start(new JdbcSettings("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                null, null, 8));
    }

    static Adapters h2Adapters() {
        JdbcAdapters jdbc = h2();
        return adapters(jdbc, jdbc::close);
    }

    static Adapters postgresAdapters() {
        PostgresSchema schema = newPostgresSchema();
        JdbcAdapters jdbc = JdbcAdapters.start(new JdbcSettings(schema.url(), null, null, 8));
        return adapters(jdbc, () -> {
            jdbc.close();
            schema.drop();
        });
    }

    /** A new schema in the test PostgreSQL; skips the calling test when none is configured. */
    static PostgresSchema newPostgresSchema() {
        String baseUrl = System.getenv(POSTGRES_URL_VARIABLE);
        Assumptions.assumeTrue(baseUrl != null && !baseUrl.isBlank(),
                POSTGRES_URL_VARIABLE + " not set: PostgreSQL contract tests skipped");
        String schema = "contract_" + UUID.randomUUID().toString().replace("-", "");
        execute(baseUrl, "CREATE SCHEMA " + schema);
        return new PostgresSchema(baseUrl, schema);
    }

    /** One test schema: the URL that selects it, and its removal. */
    record PostgresSchema(String baseUrl, String name) {
        String url() {
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        void drop() {
            execute(baseUrl, "DROP SCHEMA " + name + " CASCADE");
        }
    }

    private static Adapters adapters(JdbcAdapters jdbc, AutoCloseable closer) {
        return new Adapters(jdbc.transactions(), jdbc.collections(), jdbc.catalog(), jdbc.ids(), jdbc.idempotency(),
                closer);
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + JdbcSettings.redact(url), e);
        }
    }
}
