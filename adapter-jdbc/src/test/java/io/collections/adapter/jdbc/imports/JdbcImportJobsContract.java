package io.collections.adapter.jdbc.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.collections.application.contract.ImportJobsContract;
import io.collections.application.imports.ImportJob;
import io.collections.application.imports.ImportJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The import job contract on a real database, each instance with a connection pool of its own, plus what only a
 * database adapter has to prove: its writes commit outside the caller's transaction.
 */
abstract class JdbcImportJobsContract extends ImportJobsContract {
    private final List<HikariDataSource> pools = new ArrayList<>();
    private Jdbi jdbi;

    /** The JDBC URL of an empty, migrated database for the current test. */
    protected abstract String freshDatabaseUrl();

    @Override
    protected ImportJobs newImportJobs() {
        jdbi = Jdbi.create(pool(freshDatabaseUrl()));
        return new JdbcImportJobs(jdbi);
    }

    @Override
    protected ImportJobs anotherInstance() {
        return new JdbcImportJobs(Jdbi.create(pool(pools.get(0).getJdbcUrl())));
    }

    /** Called once the test's pools are closed. */
    protected void releaseDatabase() throws Exception {
    }

    @AfterEach
    void closePools() throws Exception {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        releaseDatabase();
    }

    @Test
    void writesCommitOutsideTheCallersTransactionAndSurviveItsRollback() {
        ImportJob claimed = claimOne("instance-a", T0);
        ImportJobs sibling = anotherInstance();

        assertThatThrownBy(() -> jdbi.useTransaction(importTransaction -> {
            importTransaction.execute("SELECT 1");
            assertThat(jobs.update(claimed.withProgress(40, 2, T0.plusSeconds(1)), "instance-a")).isTrue();
            assertThat(sibling.find(ACME, claimed.id()).orElseThrow().processed())
                    .as("visible to other instances while the import's transaction is open").isEqualTo(40);
            assertThat(jobs.heartbeat(claimed.id(), "instance-a", T0.plusSeconds(90))).isTrue();
            throw new IllegalStateException("the import failed");
        })).hasMessage("the import failed");

        ImportJob stored = sibling.find(ACME, claimed.id()).orElseThrow();
        assertThat(stored.processed()).isEqualTo(40);
        assertThat(stored.leaseUntil()).isEqualTo(T0.plusSeconds(90));
    }

    private HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("import-jobs-" + UUID.randomUUID().toString().substring(0, 8));
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }
}
