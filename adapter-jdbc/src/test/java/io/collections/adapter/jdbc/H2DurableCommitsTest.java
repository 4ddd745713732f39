package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit on an H2 file is in the file when it returns, even with H2's write delay (decision 0120): a process killed
 * with SIGKILL at any moment has lost none of the commits it acknowledged. Without the wait for the store after each
 * commit, the commits of the last half second before the kill are gone.
 */
class H2DurableCommitsTest {
    private static final int ROUNDS = 3;

    @TempDir
    Path directory;

    @Test
    void everyCommitAcknowledgedBeforeAKillIsInTheFileAfterIt() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("killed") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";WRITE_DELAY=500";
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            acknowledged.addAll(acknowledgedBeforeKill(url, "round" + round, 400 + 300 * round,
                    directory.resolve("child-" + round + ".log")));
        }
        Set<String> stored = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ack FROM acknowledged")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS * 400);
        assertThat(stored).containsAll(acknowledged);
    }

    /** Starts the child, kills it after it has acknowledged {@code killAfter} commits, and returns all it printed. */
    private static List<String> acknowledgedBeforeKill(String url, String prefix, int killAfter, Path log)
            throws Exception {
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CommittingProcess.class.getName(), url,
                prefix)).redirectError(log.toFile()).start();
        List<String> keys = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                keys.add(line);
                if (keys.size() == killAfter) {
                    // SIGKILL alone: Process.destroyForcibly would also close this end of the pipe, and the keys
                    // acknowledged but not read yet would be lost to the check.
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(keys).as(() -> "the child acknowledged commits before it was killed; its log ends with: "
                + tail(log)).hasSizeGreaterThanOrEqualTo(killAfter);
        return keys;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("\tat ")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
