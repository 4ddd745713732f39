package io.collections.adapter.jdbc;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a PostgreSQL table with {@code COPY ... FROM STDIN} in text format (decision 0066): the
 * server parses and plans no statement per row or per batch, and writes the rows in bulk, which is what an
 * import's pages of products, tags and memberships need. One instance collects one page's rows for one table.
 */
final class PgCopy {
    private final String sql;
    private final ByteArrayOutputStream rows = new ByteArrayOutputStream(64 * 1024);
    private final StringBuilder line = new StringBuilder(2048);
    private int count;

    PgCopy(String table, String columns) {
        this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
    }

    /** Whether this connection is PostgreSQL's, so that COPY can be used; the pool's proxy answers for it. */
    static boolean supports(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Adds a row of Long, Integer, String, Boolean, BigDecimal or OffsetDateTime values (null allowed). */
    PgCopy row(Object... values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            append(values[i]);
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        rows.write(bytes, 0, bytes.length);
        count++;
        return this;
    }

    int size() {
        return count;
    }

    /** Sends the rows in one COPY; nothing when there are none. */
    void send(Connection connection) throws SQLException {
        if (count == 0) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            byte[] bytes = rows.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void append(Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof String text) {
            escape(text);
        } else if (value instanceof Boolean flag) {
            line.append(flag ? 't' : 'f');
        } else if (value instanceof BigDecimal decimal) {
            line.append(decimal.toPlainString());
        } else if (value instanceof OffsetDateTime time) {
            // ISO 8601 with its offset, rounded to the microsecond half up as the driver's own binding does.
            line.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.plusNanos(500).truncatedTo(
                    ChronoUnit.MICROS)));
        } else if (value instanceof Long || value instanceof Integer) {
            line.append(value);
        } else {
            throw new IllegalArgumentException("no COPY text for " + value.getClass().getName());
        }
    }

    private void escape(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
