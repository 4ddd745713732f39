package io.collections.adapter.jdbc;

import java.util.List;
import org.jdbi.v3.core.statement.Query;

/**
 * A list of values as a joined {@code (VALUES (:v0), (:v1), ...) AS name (column)} table rather than an
 * {@code IN (...)} list: H2 uses an index for an IN list only when the listed column comes first in it, so
 * {@code client_id = ? AND x IN (...)} scans every row of the client; joined, each value is one index seek (on
 * PostgreSQL too).
 */
final class ValuesList {
    private ValuesList() {
    }

    /** The table expression for {@code count} values, its parameters named {@code prefix0}, {@code prefix1}, ... */
    static String table(String prefix, int count, String name, String column) {
        StringBuilder sql = new StringBuilder("(VALUES ");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append("(:").append(prefix).append(i).append(')');
        }
        return sql.append(") AS ").append(name).append(" (").append(column).append(')').toString();
    }

    static Query bind(Query query, String prefix, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            query.bind(prefix + i, values.get(i));
        }
        return query;
    }
}
