package io.collections.adapter.jdbc;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child process of {@link H2DurableCommitsTest}: commits one small transaction after another on an H2 file and
 * prints each key once its commit has returned, while a second thread commits large transactions, so that H2's
 * background writer and stores of other threads run between them. Runs until it is killed.
 * Usage: {@code CommittingProcess <jdbc-url> <key-prefix>}.
 */
final class CommittingProcess {
    private CommittingProcess() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        JdbcAdapters adapters = JdbcAdapters.start(new JdbcSettings(args[0], null, null, 4));
        JdbiTransactions transactions = (JdbiTransactions) adapters.transactions();
        transactions.withHandle(handle -> handle.execute("CREATE TABLE IF NOT EXISTS acknowledged"
                + " (ack VARCHAR(64) PRIMARY KEY)") + handle.execute("CREATE TABLE IF NOT EXISTS ballast"
                + " (id BIGINT PRIMARY KEY, pad VARCHAR(200))"));
        Thread large = new Thread(() -> {
            for (long first = 0; ; first += 20_000) {
                long from = first;
                transactions.withHandle(handle -> {
                    var batch = handle.prepareBatch("INSERT INTO ballast (id, pad) VALUES (?, ?)");
                    for (long id = from; id < from + 20_000; id++) {
                        batch.add(id, "ballast ballast ballast ballast ballast ballast ballast ballast " + id);
                    }
                    return batch.execute();
                });
            }
        }, "large-transactions");
        large.setDaemon(true);
        large.start();
        for (long i = 0; ; i++) {
            String key = args[1] + "-" + i;
            transactions.withHandle(handle -> handle.execute("INSERT INTO acknowledged (ack) VALUES (?)", key));
            out.println(key);
            out.flush();
        }
    }
}
