package io.collections.adapter.jdbc;

import io.collections.domain.catalog.Provider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the import source of every stored product by its canonical account (decision 0112), computed by the same
 * domain code that names the accounts of new imports, so a re-import after the upgrade finds the products imported
 * before it however the account was written then. A Java migration, because the rules (the bare Shopify name, a
 * scheme's default port, trailing slashes) are that code, not SQL that would have to agree with it on two
 * databases.
 *
 * <p>Where one account was imported under several spellings, the same external id exists once per spelling: the
 * products already under the canonical name stay, else those of the spelling imported first take it, and the
 * others keep their old name (the unique index allows nothing else) and are logged. They are left for the client to
 * delete: they may be members of collections or have been edited.
 */
public final class V150__Canonical_provider_accounts extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V150__Canonical_provider_accounts.class);

    /** The length of {@code products.source_account}. */
    private static final int MAX_ACCOUNT = 512;
    private static final String SOURCES = "SELECT client_id, source_provider, source_account, MIN(id) AS first_id"
            + " FROM products WHERE source_provider IS NOT NULL AND source_account IS NOT NULL"
            + " GROUP BY client_id, source_provider, source_account ORDER BY first_id";
    private static final String RENAME = "UPDATE products AS moved SET source_account = ?"
            + " WHERE moved.client_id = ? AND moved.source_provider = ? AND moved.source_account = ?"
            + " AND NOT EXISTS (SELECT 1 FROM products AS taken WHERE taken.client_id = moved.client_id"
            + " AND taken.source_provider = moved.source_provider AND taken.source_account = ?"
            + " AND taken.source_external_id = moved.source_external_id)";
    private static final String LEFT = "SELECT COUNT(*) FROM products"
            + " WHERE client_id = ? AND source_provider = ? AND source_account = ?";

    /** The products of one (client, provider, account) as stored. */
    private record Source(String clientId, String provider, String account) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Source> renamed = new ArrayList<>();
        for (Source source : sources(connection)) {
            String canonical = canonical(source);
            if (canonical == null || canonical.equals(source.account())) {
                continue;
            }
            try (PreparedStatement rename = connection.prepareStatement(RENAME)) {
                rename.setString(1, canonical);
                rename.setString(2, source.clientId());
                rename.setString(3, source.provider());
                rename.setString(4, source.account());
                rename.setString(5, canonical);
                rename.executeUpdate();
            }
            renamed.add(source);
        }
        for (Source source : renamed) {
            long left = left(connection, source);
            if (left > 0) {
                LOG.warn("{} product(s) of client {} imported from {} account '{}' keep that name: the same products"
                        + " exist under its canonical name '{}' (decision 0112)", left, source.clientId(),
                        source.provider(), source.account(), canonical(source));
            }
        }
    }

    private static List<Source> sources(Connection connection) throws SQLException {
        List<Source> sources = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(SOURCES)) {
            while (rows.next()) {
                sources.add(new Source(rows.getString("client_id"), rows.getString("source_provider"),
                        rows.getString("source_account")));
            }
        }
        return sources;
    }

    /**
     * Null for a provider this version does not know, or a name longer than the column (a bare Shopify name of
     * 499 characters, which no host can have), whose products are left as they are.
     */
    private static String canonical(Source source) {
        for (Provider provider : Provider.values()) {
            if (provider.pathName().equals(source.provider())) {
                String canonical = provider.canonicalAccount(source.account());
                return canonical.isBlank() || canonical.length() > MAX_ACCOUNT ? null : canonical;
            }
        }
        return null;
    }

    private static long left(Connection connection, Source source) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(LEFT)) {
            count.setString(1, source.clientId());
            count.setString(2, source.provider());
            count.setString(3, source.account());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
