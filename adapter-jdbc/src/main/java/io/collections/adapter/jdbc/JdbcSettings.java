package io.collections.adapter.jdbc;

import java.util.Objects;
import java.util.regex.Pattern;

/** Where the database is and how many connections to keep: the JDBC URL, the credentials and the pool size. */
public record JdbcSettings(String url, String user, String password, int poolSize) {
    /** An H2 file under {@code ./data}, in the mode that runs the same SQL as PostgreSQL. */
    public static final String DEFAULT_URL =
            "jdbc:h2:file:./data/collections;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    public static final int DEFAULT_POOL_SIZE = 10;
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    public JdbcSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must start with jdbc:h2: or jdbc:postgresql:, got "
                    + redact(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + poolSize);
        }
    }

    /** The embedded H2 file database with no credentials. */
    public static JdbcSettings defaults() {
        return new JdbcSettings(DEFAULT_URL, null, null, DEFAULT_POOL_SIZE);
    }

    public static JdbcSettings of(String url) {
        return new JdbcSettings(url, null, null, DEFAULT_POOL_SIZE);
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL with any password in it masked, fit for messages and logs. */
    public String redactedUrl() {
        return redact(url);
    }

    static String redact(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
