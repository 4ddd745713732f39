package io.collections.bootstrap;

import io.collections.adapter.http.SeedExamples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every curl example of the Collections document against the wired server, on an H2 file and on PostgreSQL. */
class SeedExamplesOnTheServerTest {
    private static final String SECRET = "seed-examples-signing-secret-0123456789-abc";

    @Test
    void onTheEmbeddedH2File(@TempDir Path directory) throws Exception {
        runAgainst("jdbc:h2:file:" + directory.resolve("seeds")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void onPostgresql() throws Exception {
        String url = System.getenv("COLLECTIONS_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "COLLECTIONS_TEST_POSTGRES_URL is not set: the seed examples on PostgreSQL are skipped");
        String schema = "seeds_" + UUID.randomUUID().toString().replace("-", "");
        execute(url, "CREATE SCHEMA " + schema);
        try {
            runAgainst(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void runAgainst(String databaseUrl) throws Exception {
        Settings settings = Settings.from(Map.of("COLLECTIONS_PORT", "0", "COLLECTIONS_DB_URL", databaseUrl,
                "COLLECTIONS_JWT_SECRET", SECRET), new Properties());
        String token = TokenCommand.run(List.of("--client", "acme", "--sub", "alice", "--role", "Owner"), settings,
                Clock.systemUTC());
        Wiring.RunningServer server = new Wiring(settings).start();
        try {
            SeedExamples.everyCurlExample(server.port(), "Bearer " + token);
        } finally {
            server.stop();
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
