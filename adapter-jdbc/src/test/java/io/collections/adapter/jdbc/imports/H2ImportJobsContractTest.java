package io.collections.adapter.jdbc.imports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** The import job contract on an in-memory H2 database in PostgreSQL mode, a fresh one for every test. */
class H2ImportJobsContractTest extends JdbcImportJobsContract {
    private String url;

    @Override
    protected String freshDatabaseUrl() {
        url = "jdbc:h2:mem:import_jobs_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                + ";USER=sa;PASSWORD=";
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .placeholders(java.util.Map.of("binary_collation", "")).load().migrate();
        return url;
    }

    /** DB_CLOSE_DELAY=-1 keeps an in-memory database after its last connection closes: ends it explicitly. */
    @Override
    protected void releaseDatabase() throws SQLException {
        if (url == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
