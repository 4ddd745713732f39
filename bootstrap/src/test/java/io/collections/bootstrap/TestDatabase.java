package io.collections.bootstrap;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for one end-to-end test: an H2 file in a temporary directory, or a fresh schema in the PostgreSQL
 * named by {@code COLLECTIONS_TEST_POSTGRES_URL} (dropped on close). Tests read it directly through {@link #query}.
 */
final class TestDatabase implements AutoCloseable {
    static final String POSTGRES_URL_VARIABLE = "COLLECTIONS_TEST_POSTGRES_URL";

    private final String url;
    private final String baseUrl;
    private final String schema;

    private TestDatabase(String url, String baseUrl, String schema) {
        this.url = url;
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    static TestDatabase of(String kind, Path directory) {
        return kind.equals("postgres") ? postgres() : h2(directory);
    }

    static TestDatabase h2(Path directory) {
        return new TestDatabase("jdbc:h2:file:" + directory.resolve("collections")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=2000", null, null);
    }

    static TestDatabase postgres() {
        String base = System.getenv(POSTGRES_URL_VARIABLE);
        Assumptions.assumeTrue(base != null && !base.isBlank(), POSTGRES_URL_VARIABLE + " not set: skipped");
        String schema = "imports_" + UUID.randomUUID().toString().replace("-", "");
        execute(base, "CREATE SCHEMA " + schema);
        return new TestDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, base, schema);
    }

    String url() {
        return url;
    }

    boolean isPostgres() {
        return schema != null;
    }

    /** Every row of every table of the schema, each row as the text of its cells. */
    List<String> allRows() {
        List<String> rows = new ArrayList<>();
        for (List<String> table : query(isPostgres()
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            for (List<String> row : query("SELECT * FROM " + table.get(0))) {
                rows.add(table.get(0) + ": " + String.join(" | ", row));
            }
        }
        return rows;
    }

    List<List<String>> query(String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(String.valueOf(result.getObject(column)));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "'", e);
        }
    }

    long count(String sql) {
        return Long.parseLong(query(sql).get(0).get(0));
    }

    @Override
    public void close() {
        if (schema != null) {
            execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "'", e);
        }
    }
}
