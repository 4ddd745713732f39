package io.collections.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.collections.application.Transactions;
import io.collections.adapter.jdbc.imports.JdbcImportJobs;
import io.collections.application.idempotency.IdempotencyStore;
import io.collections.application.imports.ImportJobs;
import io.collections.domain.IdGenerator;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.ProductCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every port kept in one database: opens a connection pool, migrates the schema, and hands out the adapters
 * built on one shared {@link Jdbi}. Start with {@link #start(JdbcSettings)}, close at shutdown.
 */
public final class JdbcAdapters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAdapters.class);
    private static final int HEALTH_TIMEOUT_SECONDS = 2;

    private final JdbcSettings settings;
    private final HikariDataSource dataSource;
    private final JdbiTransactions transactions;
    private final JdbcCollectionRepository collections;
    private final JdbcProductCatalog catalog;
    private final SequenceIdGenerator ids;
    private final JdbcIdempotencyStore idempotency;
    private final JdbcImportJobs imports;
    /** Null unless the database is an embedded H2 file. */
    private final H2Housekeeping housekeeping;

    private JdbcAdapters(JdbcSettings settings, HikariDataSource dataSource, H2Housekeeping housekeeping) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.housekeeping = housekeeping;
        Jdbi jdbi = Jdbi.create(durable(settings, dataSource));
        String url = withH2Defaults(settings.url());
        Properties credentials = new Properties();
        if (settings.user() != null) {
            credentials.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            credentials.setProperty("password", settings.password());
        }
        boolean awaitCommits = DurableH2Commits.appliesTo(url);
        Jdbi apart = Jdbi.create(() -> {
            Connection connection = DriverManager.getConnection(url, credentials);
            return awaitCommits ? DurableH2Commits.wrap(connection) : connection;
        });
        this.transactions = new JdbiTransactions(jdbi, apart);
        this.collections = new JdbcCollectionRepository(transactions);
        this.catalog = new JdbcProductCatalog(transactions);
        this.ids = new SequenceIdGenerator(transactions);
        this.idempotency = new JdbcIdempotencyStore(transactions);
        this.imports = new JdbcImportJobs(jdbi);
    }

    /**
     * Connects, migrates the schema to the latest version and builds the adapters.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached or migrated; the message names the
     *     URL without its password
     */
    public static JdbcAdapters start(JdbcSettings settings) {
        HikariDataSource dataSource;
        H2Housekeeping housekeeping;
        try {
            dataSource = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot connect to database " + settings.redactedUrl() + ": "
                    + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(durable(settings, dataSource))
                    .placeholders(Map.of("binary_collation", settings.isPostgres() ? "COLLATE \"C\"" : ""))
                    .javaMigrations(new V150__Canonical_provider_accounts())
                    .load()
                    .migrate();
            if (DurableH2Commits.appliesTo(settings.url())) {
                // Flyway runs H2's DDL with auto-commit, which commits without a commit() call to wait on.
                try (Connection connection = dataSource.getConnection()) {
                    DurableH2Commits.awaitStored(connection);
                }
            }
            housekeeping = DurableH2Commits.appliesTo(settings.url()) ? H2Housekeeping.start(dataSource) : null;
        } catch (RuntimeException | SQLException e) {
            dataSource.close();
            throw new DatabaseUnavailableException("cannot migrate the schema of database " + settings.redactedUrl()
                    + ": " + rootMessage(e), e);
        }
        return new JdbcAdapters(settings, dataSource, housekeeping);
    }

    /** On an embedded H2 file, connections whose commits are in the file when they return (decision 0120). */
    private static DataSource durable(JdbcSettings settings, DataSource dataSource) {
        return DurableH2Commits.appliesTo(settings.url()) ? DurableH2Commits.wrap(dataSource) : dataSource;
    }

    private static HikariConfig poolConfig(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("collections");
        config.setJdbcUrl(withH2Defaults(settings.url()));
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(10_000);
        config.setAutoCommit(true);
        if (settings.isPostgres()) {
            // Batched inserts go out as multi-row INSERTs: one round trip and one statement per 128 rows instead
            // of per row, which is most of an import's cost on PostgreSQL (decision 0066).
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return config;
    }

    /**
     * H2 settings the URL does not set itself. {@code WRITE_DELAY=0}: H2 writes each commit on the committing thread,
     * which keeps a single product write fastest; a URL that sets a delay still gets durable commits on an embedded
     * file ({@link DurableH2Commits}, decisions 0091 and 0120). {@code QUERY_CACHE_SIZE=256}: H2 keeps 8 parsed
     * statements per session, and one product write alone runs a dozen kinds. {@code DB_CLOSE_ON_EXIT=FALSE}: H2's
     * own shutdown hook would close the database under the requests that SIGTERM lets finish; {@link #close} closes
     * it after them. {@code MAX_COMPACT_TIME=5000}: every commit is a chunk of its own in H2's file, and single
     * product writes left a file of 1 GiB for 35 MiB of data, which H2's default 200 ms of compaction at close did
     * not shrink; 5 s brought it to 13 MiB (decision 0120). PostgreSQL needs none of these.
     */
    static String withH2Defaults(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder withDefaults = new StringBuilder(url);
        if (!upper.contains(";WRITE_DELAY=")) {
            withDefaults.append(";WRITE_DELAY=0");
        }
        if (!upper.contains(";QUERY_CACHE_SIZE=")) {
            withDefaults.append(";QUERY_CACHE_SIZE=256");
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            withDefaults.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        if (!upper.contains(";MAX_COMPACT_TIME=")) {
            withDefaults.append(";MAX_COMPACT_TIME=5000");
        }
        return withDefaults.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return JdbcSettings.redact(String.valueOf(root.getMessage()));
    }

    public Transactions transactions() {
        return transactions;
    }

    public CollectionRepository collections() {
        return collections;
    }

    public ProductCatalog catalog() {
        return catalog;
    }

    public IdGenerator ids() {
        return ids;
    }

    public IdempotencyStore idempotency() {
        return idempotency;
    }

    public ImportJobs imports() {
        return imports;
    }

    public JdbcSettings settings() {
        return settings;
    }

    /** Whether the database answers a trivial query within two seconds. */
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(HEALTH_TIMEOUT_SECONDS);
            return statement.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            LOG.warn("database {} failed its health check: {}", settings.redactedUrl(), e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.close();
        }
        dataSource.close();
    }
}
