package io.collections.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * H2 alone, the write pattern of adding one product among 100,000 rule collections: each commit updates 61 random
 * count rows and inserts 61 membership rows, at {@code WRITE_DELAY=0} and without the adapters' housekeeping
 * (decision 0123). Every 1,000 commits it prints their latency and H2's chunk count, live share and file size.
 * Usage: {@code H2ChunkGrowth [commits=20000] [extra URL settings]}.
 */
public final class H2ChunkGrowth {
    private static final int COLLECTIONS = 100_000;
    private static final int JOINS = 61;

    private H2ChunkGrowth() {
    }

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String extra = args.length > 1 ? args[1] : "";
        Path directory = Files.createTempDirectory("h2-chunks");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + directory.resolve("growth") + ";WRITE_DELAY=0" + extra)) {
            createTables(connection);
            run(connection, commits);
        } finally {
            // The file reaches gigabytes; it is not kept.
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    private static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE counts (id BIGINT PRIMARY KEY, members BIGINT NOT NULL,"
                    + " next_position BIGINT NOT NULL)");
            statement.execute("CREATE TABLE memberships (collection_id BIGINT NOT NULL, position BIGINT NOT NULL,"
                    + " product_id BIGINT NOT NULL, matched BOOLEAN NOT NULL,"
                    + " PRIMARY KEY (collection_id, position, product_id))");
            statement.execute("CREATE UNIQUE INDEX memberships_product ON memberships (product_id, collection_id)");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO counts VALUES (?, 0, 0)")) {
            for (int id = 0; id < COLLECTIONS; id++) {
                insert.setLong(1, id);
                insert.addBatch();
                if (id % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    private static void run(Connection connection, int commits) throws SQLException {
        Random random = new Random(1);
        long[] nanos = new long[1000];
        try (PreparedStatement count = connection.prepareStatement(
                "UPDATE counts SET members = members + 1, next_position = next_position + 1 WHERE id = ?");
                PreparedStatement join = connection.prepareStatement(
                        "INSERT INTO memberships VALUES (?, ?, ?, TRUE)")) {
            for (int commit = 0; commit < commits; commit++) {
                long start = System.nanoTime();
                TreeSet<Long> collections = new TreeSet<>();
                while (collections.size() < JOINS) {
                    collections.add((long) random.nextInt(COLLECTIONS));
                }
                for (long id : collections) {
                    count.setLong(1, id);
                    count.addBatch();
                    join.setLong(1, id);
                    join.setLong(2, commit);
                    join.setLong(3, 1_000_000L + commit);
                    join.addBatch();
                }
                count.executeBatch();
                join.executeBatch();
                connection.commit();
                nanos[commit % 1000] = System.nanoTime() - start;
                if (commit % 1000 == 999) {
                    report(connection, commit + 1, nanos);
                }
            }
        }
    }

    private static void report(Connection connection, int commits, long[] nanos) throws SQLException {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, String> info = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'")) {
            while (rows.next()) {
                info.put(rows.getString(1), rows.getString(2));
            }
        }
        connection.commit();
        System.out.printf(Locale.ROOT, "%,7d commits: last 1,000 p50 %.2f p99 %.2f ms; %s chunks, %s%% live,"
                + " file %,d MiB%n", commits, sorted[500] / 1e6, sorted[990] / 1e6, info.get("info.CHUNK_COUNT"),
                info.get("info.CHUNKS_FILL_RATE"), Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0")) >> 20);
    }
}
