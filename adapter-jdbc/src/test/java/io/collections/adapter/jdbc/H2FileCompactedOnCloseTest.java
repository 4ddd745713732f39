package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every commit is a chunk of its own in H2's file, and small commits that touch rows all over a table leave many
 * chunks each still holding a live page or two: the file grows far past its data. Closing the adapters compacts it
 * (decision 0120), where H2's default 200 ms of compaction at close left it as large as it was.
 */
class H2FileCompactedOnCloseTest {
    private static final int ROWS = 200_000;
    private static final String PAD = "x".repeat(100);

    @TempDir
    Path directory;

    @Test
    void closingTheAdaptersCompactsAFileThatSmallCommitsGrew() throws Exception {
        Path file = directory.resolve("grown.mv.db");
        JdbcAdapters adapters = JdbcAdapters.start(new JdbcSettings("jdbc:h2:file:" + directory.resolve("grown")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", null, null, 2));
        JdbiTransactions transactions = (JdbiTransactions) adapters.transactions();
        transactions.withHandle(handle -> {
            handle.execute("CREATE TABLE counters (id BIGINT PRIMARY KEY, n BIGINT NOT NULL, pad VARCHAR(200))");
            var batch = handle.prepareBatch("INSERT INTO counters (id, n, pad) VALUES (?, 0, ?)");
            for (long id = 0; id < ROWS; id++) {
                batch.add(id, PAD);
            }
            return batch.execute();
        });
        Random random = new Random(7);
        for (int commit = 0; commit < 1_500; commit++) {
            transactions.withHandle(handle -> {
                var batch = handle.prepareBatch("UPDATE counters SET n = n + 1 WHERE id = ?");
                for (int row = 0; row < 40; row++) {
                    batch.add((long) random.nextInt(ROWS));
                }
                return batch.execute();
            });
        }
        long grown = Files.size(file);

        adapters.close();

        long closed = Files.size(file);
        assertThat(grown).as("the small commits grew the file").isGreaterThan(40L << 20);
        assertThat(closed).as("compacted at close, from %,d bytes", grown).isLessThan(grown / 4);
    }
}
