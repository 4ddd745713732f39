package io.collections.adapter.jdbc;

import io.collections.domain.ClientId;
import io.collections.domain.ConflictException;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import io.collections.domain.product.ProductSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The catalog in {@code products}, with each product's folded tags in {@code product_tags} for the rules. */
public final class JdbcProductCatalog implements ProductCatalog {
    private static final String LIST = "products";

    private final JdbiTransactions transactions;
    private final FreshStatistics statistics = new FreshStatistics();

    public JdbcProductCatalog(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insertAll(List<Product> products) {
        if (products.isEmpty()) {
            return;
        }
        transactions.withHandle(handle -> {
            insertRows(handle, products);
            insertTags(handle, products);
            // Bounded: past it, products of this transaction take the general membership path, which is as exact.
            Set<Long> created = transactions.transactionState(Memberships.CREATED_PRODUCTS, HashSet::new);
            if (created.size() + products.size() <= Memberships.MAX_TRACKED_CREATED) {
                products.forEach(product -> created.add(product.id().value()));
            }
            statistics.inserted(handle, products.size());
            return null;
        });
    }

    @Override
    public void updateAll(List<Product> products) {
        if (products.isEmpty()) {
            return;
        }
        StringBuilder assignments = new StringBuilder();
        String[] columns = ProductRow.COLUMNS.split(",\\s*");
        String[] parameters = ProductRow.PARAMETERS.split(",\\s*");
        for (int i = 0; i < columns.length; i++) {
            if (!columns[i].equals("id") && !columns[i].equals("client_id")) {
                assignments.append(assignments.length() == 0 ? "" : ", ").append(columns[i]).append(" = ")
                        .append(parameters[i]);
            }
        }
        transactions.withHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch("UPDATE products SET " + assignments
                    + " WHERE id = :id AND client_id = :clientId");
            products.forEach(product -> batch.bindMethods(ProductRow.from(product)).add());
            int[] counts = batch.execute();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new IllegalStateException("product " + products.get(i).id() + " does not exist");
                }
            }
            PreparedBatch deleteTags = handle.prepareBatch("DELETE FROM product_tags WHERE product_id = :id");
            products.forEach(product -> deleteTags.bind("id", product.id().value()).add());
            deleteTags.execute();
            insertTags(handle, products);
            return null;
        });
    }

    /** Plain JDBC on this bulk path: binding 56 columns through JDBI's reflection cost more than the insert. */
    private static void insertRows(Handle handle, List<Product> products) {
        if (PgCopy.supports(handle.getConnection())) {
            PgCopy copy = new PgCopy("products", ProductRow.COLUMNS);
            products.forEach(product -> copy.row(ProductRow.from(product).values()));
            try {
                copy.send(handle.getConnection());
            } catch (SQLException e) {
                if (isSourceConflict(e)) {
                    throw sourceConflict(products);
                }
                throw new UnableToExecuteStatementException(e, null);
            }
            return;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ProductRow.COLUMNS.split(",").length,
                "?"));
        try (PreparedStatement insert = handle.getConnection().prepareStatement("INSERT INTO products ("
                + ProductRow.COLUMNS + ") VALUES (" + placeholders + ")")) {
            for (Product product : products) {
                Object[] values = ProductRow.from(product).values();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        insert.setNull(i + 1, Types.NULL);
                    } else {
                        insert.setObject(i + 1, values[i]);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if (isSourceConflict(e)) {
                throw sourceConflict(products);
            }
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * A product of the same import source exists already, or another transaction is inserting one and holds it
     * past H2's lock timeout: two imports of one account are writing at the same time.
     */
    private static boolean isSourceConflict(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if ("23505".equals(state) && message.contains("products_source")) {
                    return true;
                }
                if ("HYT00".equals(state) && sql.getErrorCode() == 50200) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof SQLException sql && sql.getNextException() != null) {
            return sql.getNextException();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }

    private static ConflictException sourceConflict(List<Product> products) {
        ProductSource source = products.stream().map(p -> p.details().source()).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        String account = source == null ? "an import source" : source.provider() + " account " + source.account();
        return new ConflictException("products of " + account + " are being written by another import at the same"
                + " time; import again when it has finished", List.of());
    }

    private static void insertTags(Handle handle, List<Product> products) {
        if (PgCopy.supports(handle.getConnection())) {
            PgCopy copy = new PgCopy("product_tags", "product_id, folded_tag");
            for (Product product : products) {
                for (String tag : product.details().folded().tags()) {
                    copy.row(product.id().value(), tag);
                }
            }
            try {
                copy.send(handle.getConnection());
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
            return;
        }
        try (PreparedStatement insert = handle.getConnection().prepareStatement(
                "INSERT INTO product_tags (product_id, folded_tag) VALUES (?, ?)")) {
            int rows = 0;
            for (Product product : products) {
                for (String tag : product.details().folded().tags()) {
                    insert.setLong(1, product.id().value());
                    insert.setString(2, tag);
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    @Override
    public Optional<Product> find(ClientId clientId, ProductId id) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT " + ProductRow.COLUMNS
                        + " FROM products WHERE id = :id AND client_id = :clientId")
                .bind("id", id.value()).bind("clientId", clientId.value())
                .map((rs, ctx) -> ProductRow.readProduct(rs)).findOne());
    }

    @Override
    public Optional<Product> findForUpdate(ClientId clientId, ProductId id) {
        return transactions.withHandle(handle -> {
            boolean held = handle.createQuery("SELECT id FROM products WHERE id = :id AND client_id = :clientId"
                            + " FOR UPDATE")
                    .bind("id", id.value()).bind("clientId", clientId.value()).mapTo(Long.class).findOne().isPresent();
            return held ? find(clientId, id) : Optional.empty();
        });
    }

    /** Deletes the product with its memberships, counting it out of every collection that held it. */
    @Override
    public boolean delete(ClientId clientId, ProductId id) {
        return transactions.withHandle(handle -> {
            boolean exists = handle.createQuery("SELECT COUNT(*) FROM products WHERE id = :id AND client_id = :clientId")
                    .bind("id", id.value()).bind("clientId", clientId.value()).mapTo(Long.class).one() > 0;
            if (!exists) {
                return false;
            }
            Memberships.forget(handle, clientId.value(), List.of(id.value()));
            handle.createUpdate("DELETE FROM product_tags WHERE product_id = :id").bind("id", id.value()).execute();
            handle.createUpdate("DELETE FROM products WHERE id = :id AND client_id = :clientId")
                    .bind("id", id.value()).bind("clientId", clientId.value()).execute();
            return true;
        });
    }

    @Override
    public Page<Product> list(ClientId clientId, PageRequest page) {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("clientId", clientId.value());
        bindings.put("limit", page.limit() + 1);
        String after = "";
        if (page.cursor() != null) {
            List<String> parts = PageCursors.decode(page.cursor(), LIST, 3);
            after = " AND (created_at < :afterAt OR (created_at = :afterAt AND id < :afterId))";
            bindings.put("afterAt", PageCursors.parse(parts.get(1), text -> ProductRow.utc(Instant.parse(text))));
            bindings.put("afterId", PageCursors.parse(parts.get(2), text -> ProductId.parse(text).value()));
        }
        String sql = "SELECT " + ProductRow.COLUMNS + " FROM products WHERE client_id = :clientId" + after
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        List<Product> rows = transactions.withHandle(handle -> handle.createQuery(sql).bindMap(bindings)
                .map((rs, ctx) -> ProductRow.readProduct(rs)).list());
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        Product last = rows.get(page.limit() - 1);
        return new Page<>(rows.subList(0, page.limit()),
                PageCursors.encode(List.of(LIST, last.createdAt().toString(), last.id().toString())));
    }

    @Override
    public Map<String, Product> findBySource(ClientId clientId, String provider, String account,
            Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        return transactions.withHandle(handle -> {
            Map<String, Product> found = new HashMap<>();
            for (List<String> chunk : Chunks.of(new ArrayList<>(externalIds))) {
                Query query = handle.createQuery("SELECT " + ProductRow.COLUMNS + " FROM "
                        + ValuesList.table("e", chunk.size(), "wanted", "wanted_external_id")
                        + " JOIN products ON source_external_id = wanted.wanted_external_id"
                        + " WHERE client_id = :clientId AND source_provider = :provider AND source_account = :account")
                        .bind("clientId", clientId.value()).bind("provider", provider).bind("account", account);
                ValuesList.bind(query, "e", chunk)
                        .map((rs, ctx) -> ProductRow.readProduct(rs))
                        .forEach(product -> found.put(product.details().source().externalId(), product));
            }
            return found;
        });
    }
}
