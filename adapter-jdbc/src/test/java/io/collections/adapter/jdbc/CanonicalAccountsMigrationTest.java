package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.collections.domain.ClientId;
import io.collections.domain.product.Product;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V150 renames the accounts that products imported before decision 0112 were stored under: a database at V140 is
 * filled with the spellings users sent, then started, and a re-import's lookup by canonical account finds them.
 */
abstract class CanonicalAccountsMigrationTest {
    private static final String INSERT = "INSERT INTO products (id, client_id, name, tangible, has_details,"
            + " has_pricing, organized, published, needs_review, out_of_sync, taxable, tags, image_urls,"
            + " source_provider, source_account, source_external_id, folded_name, created_at, updated_at,"
            + " created_by, updated_by) VALUES (?, ?, ?, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE,"
            + " '[]', '[]', ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'alice', 'alice')";

    private JdbcAdapters adapters;

    /** A new, empty database's URL. */
    protected abstract String freshUrl();

    protected abstract void dropDatabase();

    @AfterEach
    void close() {
        if (adapters != null) {
            adapters.close();
        }
        dropDatabase();
    }

    @Test
    void productsImportedUnderAnySpellingOfAnAccountAreFoundUnderItsCanonicalName() throws SQLException {
        String url = JdbcAdapters.withH2Defaults(freshUrl());
        Flyway.configure().dataSource(url, null, null).target("140")
                .placeholders(Map.of("binary_collation", url.startsWith("jdbc:postgresql:") ? "COLLATE \"C\"" : ""))
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url)) {
            insert(connection, 1, "acme", "shopify", "acme", "1");
            insert(connection, 2, "acme", "shopify", "acme", "2");
            insert(connection, 3, "acme", "shopify", "https://ACME.myshopify.com/", "1");
            insert(connection, 4, "acme", "shopify", "https://ACME.myshopify.com/", "3");
            insert(connection, 5, "globex", "shopify", "acme", "1");
            insert(connection, 6, "acme", "shopify", "http://127.0.0.1:18390/", "1");
            insert(connection, 7, "acme", "woocommerce", "HTTP://Host:80/Good/", "7");
            insert(connection, 8, "acme", "woocommerce", "https://shop.example.com", "8");
            insert(connection, 9, "acme", "google-merchant", " 01234567", "sku-9");
            insert(connection, 10, "acme", "algolia", "latency/products", "o-10");
            insert(connection, 11, "acme", null, null, null);
            insert(connection, 12, "acme", "woocommerce", "http://store.test/", "x");
            insert(connection, 13, "acme", "woocommerce", "http://store.test", "x");
        }

        adapters = JdbcAdapters.start(new JdbcSettings(url, null, null, 2));

        Map<Long, String> accounts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet rows = connection.createStatement()
                        .executeQuery("SELECT id, source_account FROM products ORDER BY id")) {
            while (rows.next()) {
                accounts.put(rows.getLong("id"), rows.getString("source_account"));
            }
        }
        assertThat(accounts).containsExactly(
                entry(1L, "acme.myshopify.com"),
                entry(2L, "acme.myshopify.com"),
                entry(3L, "https://ACME.myshopify.com/"),
                entry(4L, "acme.myshopify.com"),
                entry(5L, "acme.myshopify.com"),
                entry(6L, "127.0.0.1:18390"),
                entry(7L, "http://host/Good"),
                entry(8L, "https://shop.example.com"),
                entry(9L, "1234567"),
                entry(10L, "LATENCY/products"),
                entry(11L, null),
                entry(12L, "http://store.test/"),
                entry(13L, "http://store.test"));

        Map<String, Product> found = adapters.transactions().inTransaction(() -> adapters.catalog()
                .findBySource(new ClientId("acme"), "shopify", "acme.myshopify.com", List.of("1", "2", "3")));
        assertThat(found).hasSize(3);
        assertThat(found.get("1").id().value()).as("the spelling imported first keeps the products").isEqualTo(1);
        assertThat(found.get("3").id().value()).isEqualTo(4);
    }

    private static void insert(Connection connection, long id, String clientId, String provider, String account,
            String externalId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, id);
            insert.setString(2, clientId);
            insert.setString(3, "Product " + id);
            setNullable(insert, 4, provider);
            setNullable(insert, 5, account);
            setNullable(insert, 6, externalId);
            insert.setString(7, "product " + id);
            insert.executeUpdate();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
