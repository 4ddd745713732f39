package io.collections.adapter.jdbc;

import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionFilter;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.MemberState;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;
import io.collections.domain.product.TextFolding;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Collections and memberships in the database. Rule changes are applied with set-based SQL over the folded
 * columns; changed products are matched against the client's in-process {@link ClientRuleIndexes rule index},
 * so a product write reads no collection it does not change.
 */
public final class JdbcCollectionRepository implements CollectionRepository {
    private static final String LIST = "collections";
    /** Products whose membership changes are locked and written together. */
    private static final int PRODUCT_CHUNK = 200;

    private final ClientRuleIndexes ruleIndexes;
    private static final Object RULES_CHANGED = new Object();

    private final JdbiTransactions transactions;
    private final RuleChangeLocks locks;

    public JdbcCollectionRepository(JdbiTransactions transactions) {
        this(transactions, ClientRuleIndexes.MAX_OVERLAY);
    }

    /** With {@code maxOverlay} rule changes evaluated one by one before the client's index is rebuilt. */
    JdbcCollectionRepository(JdbiTransactions transactions, int maxOverlay) {
        this.transactions = transactions;
        this.locks = new RuleChangeLocks(transactions);
        this.ruleIndexes = new ClientRuleIndexes(maxOverlay);
    }

    @Override
    public void insert(ProductCollection collection) {
        CollectionRow row = CollectionRow.from(collection.withProductCount(0));
        transactions.withHandle(handle -> {
            if (!collection.ruleSet().isEmpty()) {
                rulesChangedHere(handle, row.clientId()).add(row.id());
            }
            handle.createUpdate("INSERT INTO collections (" + CollectionRow.COLUMNS + ", rules_generation)"
                    + " VALUES (:id, :clientId, :name, :foldedName, :status, :imageId, :rules, :matchAll, :sortBy,"
                    + " :version, :createdAt, :updatedAt, :createdBy, :updatedBy, 0)")
                    .bindMethods(row).execute();
            handle.createUpdate("INSERT INTO collection_counts (collection_id, product_count, next_position)"
                    + " VALUES (:id, 0, 1)").bind("id", row.id()).execute();
            return null;
        });
    }

    @Override
    public boolean update(ProductCollection collection, long expectedVersion) {
        CollectionRow row = CollectionRow.from(collection);
        return transactions.withHandle(handle -> {
            Optional<Map.Entry<String, Boolean>> stored = handle.createQuery("SELECT rules, match_all"
                            + " FROM collections WHERE id = :id AND client_id = :clientId")
                    .bind("id", row.id()).bind("clientId", row.clientId())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBoolean(2))).findOne();
            if (stored.isEmpty()) {
                return false;
            }
            boolean updated = handle.createUpdate("UPDATE collections SET name = :name, folded_name = :foldedName,"
                    + " status = :status, image_id = :imageId, rules = :rules, match_all = :matchAll,"
                    + " sort_by = :sortBy, version = :version, updated_at = :updatedAt, updated_by = :updatedBy"
                    + " WHERE id = :id AND client_id = :clientId AND version = :expectedVersion")
                    .bindMethods(row).bind("expectedVersion", expectedVersion).execute() > 0;
            boolean sameRules = stored.get().getKey().equals(row.rules()) && stored.get().getValue() == row.matchAll();
            if (updated && !sameRules) {
                rulesChangedHere(handle, row.clientId()).add(row.id());
            }
            return updated;
        });
    }

    /**
     * The collections of the client whose rules this transaction changed, after taking the client's whole rule
     * lock. Right before it commits they are stamped with a new rule generation, so the client's generation row is
     * locked only for the commit.
     */
    private Set<Long> rulesChangedHere(Handle handle, String clientId) {
        locks.exclusive(handle, clientId);
        return rulesChangedHere().computeIfAbsent(clientId, k -> new HashSet<>());
    }

    private Map<String, Set<Long>> rulesChangedHere() {
        return transactions.transactionState(RULES_CHANGED, () -> {
            Map<String, Set<Long>> changed = new java.util.TreeMap<>();
            transactions.beforeCommit(() -> transactions.withHandle(handle -> {
                changed.forEach((clientId, ids) -> stampRuleChange(handle, clientId, ids));
                return null;
            }));
            return changed;
        });
    }

    /** What {@link #rulesChangedHere(Handle, String)} holds, without making the state (and its hook) for a reader. */
    private Set<Long> changedHereWithoutRecording(String clientId) {
        Map<String, Set<Long>> changed = transactions.transactionStateIfPresent(RULES_CHANGED);
        return changed == null ? Set.of() : changed.getOrDefault(clientId, Set.of());
    }

    private static void stampRuleChange(Handle handle, String clientId, Set<Long> collectionIds) {
        if (collectionIds.isEmpty()) {
            return;
        }
        long generation = ClientRuleIndexes.advance(handle, clientId);
        for (List<Long> chunk : Chunks.padded(collectionIds)) {
            handle.createUpdate("UPDATE collections SET rules_generation = :generation WHERE id IN (<ids>)")
                    .bind("generation", generation).bindList("ids", chunk).execute();
        }
    }

    @Override
    public Optional<ProductCollection> find(ClientId clientId, CollectionId id) {
        return transactions.withHandle(handle -> handle.createQuery(CollectionRow.SELECT
                        + " WHERE c.id = :id AND c.client_id = :clientId")
                .bind("id", id.value()).bind("clientId", clientId.value())
                .map((rs, ctx) -> CollectionRow.read(rs)).findOne().map(CollectionRow::toDomain));
    }

    /**
     * The row lock comes first, as the versioned {@code UPDATE} of {@link #update} takes it anyway; a rules change
     * then takes the client's rule lock and the count row after it, in the order it always did.
     */
    @Override
    public Optional<ProductCollection> findForUpdate(ClientId clientId, CollectionId id) {
        return transactions.withHandle(handle -> {
            boolean exists = handle.createQuery("SELECT id FROM collections WHERE id = :id AND client_id = :clientId"
                            + " FOR UPDATE")
                    .bind("id", id.value()).bind("clientId", clientId.value()).mapTo(Long.class).findOne().isPresent();
            return exists ? find(clientId, id) : Optional.<ProductCollection>empty();
        });
    }

    @Override
    public boolean delete(ClientId clientId, CollectionId id) {
        return transactions.withHandle(handle -> {
            // Taking the row lock first makes a concurrent membership writer wait rather than fail.
            if (Memberships.lock(handle, clientId.value(), List.of(id.value())).isEmpty()) {
                return false;
            }
            handle.createUpdate("DELETE FROM memberships WHERE collection_id = :id").bind("id", id.value()).execute();
            handle.createUpdate("DELETE FROM collection_counts WHERE collection_id = :id").bind("id", id.value())
                    .execute();
            return handle.createUpdate("DELETE FROM collections WHERE id = :id AND client_id = :clientId")
                    .bind("id", id.value()).bind("clientId", clientId.value()).execute() > 0;
        });
    }

    @Override
    public Page<ProductCollection> list(ClientId clientId, CollectionFilter filter, PageRequest page) {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("clientId", clientId.value());
        StringBuilder sql = new StringBuilder(CollectionRow.SELECT + " WHERE c.client_id = :clientId");
        if (filter.status() != null) {
            sql.append(" AND c.status = :status");
            bindings.put("status", filter.status().name());
        }
        if (filter.nameContains() != null) {
            sql.append(" AND c.folded_name LIKE :name ESCAPE '!'");
            bindings.put("name", "%" + RuleSql.likeLiteral(TextFolding.fold(filter.nameContains())) + "%");
        }
        if (page.cursor() != null) {
            List<String> parts = PageCursors.decode(page.cursor(), LIST, 3);
            sql.append(" AND (c.created_at < :afterAt OR (c.created_at = :afterAt AND c.id < :afterId))");
            bindings.put("afterAt", PageCursors.parse(parts.get(1), text -> utc(Instant.parse(text))));
            bindings.put("afterId", PageCursors.parse(parts.get(2), text -> CollectionId.parse(text).value()));
        }
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT :limit");
        bindings.put("limit", page.limit() + 1);
        List<ProductCollection> rows = transactions.withHandle(handle -> handle.createQuery(sql.toString())
                .bindMap(bindings).map((rs, ctx) -> CollectionRow.read(rs).toDomain()).list());
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        ProductCollection last = rows.get(page.limit() - 1);
        return new Page<>(rows.subList(0, page.limit()),
                PageCursors.encode(List.of(LIST, last.createdAt().toString(), last.id().toString())));
    }

    @Override
    public boolean nameExists(ClientId clientId, String name) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM collections"
                        + " WHERE client_id = :clientId AND name = :name")
                .bind("clientId", clientId.value()).bind("name", name).mapTo(Long.class).one() > 0);
    }

    /** The client's row of {@code collection_name_locks}, made apart (committed) on first use. */
    @Override
    public void holdNames(ClientId clientId) {
        transactions.withHandle(handle -> {
            String lock = "SELECT client_id FROM collection_name_locks WHERE client_id = :clientId FOR UPDATE";
            RuleChangeLocks.waiting(handle, PgCopy.supports(handle.getConnection()), () -> {
                if (handle.createQuery(lock).bind("clientId", clientId.value()).mapTo(String.class).findOne()
                        .isEmpty()) {
                    transactions.committedApart(apart -> apart.createUpdate("INSERT INTO collection_name_locks"
                            + " (client_id) VALUES (:clientId) ON CONFLICT DO NOTHING")
                            .bind("clientId", clientId.value()).execute());
                    handle.createQuery(lock).bind("clientId", clientId.value()).mapTo(String.class).one();
                }
            });
            return null;
        });
    }

    @Override
    public MemberState memberState(ClientId clientId, CollectionId collectionId, ProductId productId) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT m.matched, m.added, m.removed"
                        + " FROM memberships m JOIN collections c ON c.id = m.collection_id"
                        + " WHERE c.client_id = :clientId AND m.collection_id = :collectionId"
                        + " AND m.product_id = :productId")
                .bind("clientId", clientId.value()).bind("collectionId", collectionId.value())
                .bind("productId", productId.value())
                .map((rs, ctx) -> new MemberState(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .findOne().orElse(MemberState.NONE));
    }

    @Override
    public void saveMemberState(ClientId clientId, CollectionId collectionId, ProductId productId,
            MemberState state) {
        transactions.withHandle(handle -> {
            Map<Long, Long> locked = Memberships.lock(handle, clientId.value(), List.of(collectionId.value()));
            if (locked.isEmpty()) {
                return null;
            }
            List<Memberships.Row> current = Memberships.rows(handle, locked.keySet(), List.of(productId.value()));
            Memberships.Writer writer = new Memberships.Writer(handle, locked);
            writer.write(collectionId.value(), productId.value(), current.isEmpty() ? null : current.get(0), state);
            writer.flush();
            return null;
        });
    }

    @Override
    public void addMembers(ClientId clientId, CollectionId collectionId, List<ProductId> productIds) {
        transactions.withHandle(handle -> {
            Map<Long, Long> locked = Memberships.lock(handle, clientId.value(), List.of(collectionId.value()));
            if (locked.isEmpty() || productIds.isEmpty()) {
                return null;
            }
            Set<Long> wanted = new LinkedHashSet<>();
            productIds.forEach(id -> wanted.add(id.value()));
            Set<Long> known = new HashSet<>();
            for (List<Long> chunk : Chunks.padded(wanted)) {
                // The client is checked here, not in SQL: with client_id = ? H2 may walk the client's products
                // instead of seeking the primary key (it uses an IN list only on an index's first column).
                handle.createQuery("SELECT id, client_id FROM products WHERE id IN (<ids>)")
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> clientId.value().equals(rs.getString(2)) ? rs.getLong(1) : null)
                        .forEach(id -> {
                            if (id != null) {
                                known.add(id);
                            }
                        });
            }
            Map<Long, Memberships.Row> current = new HashMap<>();
            Memberships.rows(handle, locked.keySet(), known).forEach(row -> current.put(row.productId(), row));
            Memberships.Writer writer = new Memberships.Writer(handle, locked);
            for (Long productId : wanted) {
                if (known.contains(productId)) {
                    Memberships.Row row = current.get(productId);
                    MemberState before = row == null ? MemberState.NONE : row.state();
                    writer.write(collectionId.value(), productId, row, before.afterAdd());
                }
            }
            writer.flush();
            return null;
        });
    }

    @Override
    public void refreshRuleMatches(ProductCollection collection) {
        long id = collection.id().value();
        String clientId = collection.clientId().value();
        RuleSql rules = RuleSql.of(collection.ruleSet());
        transactions.withHandle(handle -> {
            locks.exclusive(handle, clientId);
            Map<Long, Long> locked = Memberships.lock(handle, clientId, List.of(id));
            if (locked.isEmpty()) {
                return null;
            }
            long[] countAndNextPosition = RuleRefresh.apply(handle, clientId, id, rules, locked.get(id));
            handle.createUpdate("UPDATE collection_counts SET product_count = :count,"
                    + " next_position = :nextPosition WHERE collection_id = :id")
                    .bind("id", id).bind("count", countAndNextPosition[0])
                    .bind("nextPosition", countAndNextPosition[1]).execute();
            return null;
        });
    }

    @Override
    public void refreshMemberships(ClientId clientId, List<Product> products) {
        if (products.isEmpty()) {
            return;
        }
        transactions.withHandle(handle -> {
            ClientRuleIndexes.Snapshot rules = rulesUnderShare(handle, clientId.value());
            List<Product> distinct = new ArrayList<>(products.stream()
                    .collect(java.util.stream.Collectors.toMap(p -> p.id().value(), p -> p, (a, b) -> b,
                            LinkedHashMap::new)).values());
            for (int start = 0; start < distinct.size(); start += PRODUCT_CHUNK) {
                refreshChunk(handle, clientId.value(), rules, distinct.subList(start,
                        Math.min(distinct.size(), start + PRODUCT_CHUNK)));
            }
            return null;
        });
    }

    @Override
    public void lockMemberships(ClientId clientId, List<Product> products) {
        if (products.isEmpty()) {
            return;
        }
        transactions.withHandle(handle -> {
            ClientRuleIndexes.Snapshot rules = rulesUnderShare(handle, clientId.value());
            Set<Long> changing = new HashSet<>();
            for (int start = 0; start < products.size(); start += PRODUCT_CHUNK) {
                List<Product> chunk = products.subList(start, Math.min(products.size(), start + PRODUCT_CHUNK));
                Map<Long, Set<Long>> matches = matches(rules, chunk);
                changing.addAll(changing(matches, Memberships.rowsOfProducts(handle,
                        chunk.stream().map(product -> product.id().value()).toList())));
            }
            if (!changing.isEmpty()) {
                Memberships.lock(handle, clientId.value(), changing);
            }
            return null;
        });
    }

    /**
     * The client's rules as a product write must see them: its share of the rule lock first, kept to commit, so that
     * no rule change runs between reading the rules and writing the memberships they decide.
     */
    private ClientRuleIndexes.Snapshot rulesUnderShare(Handle handle, String clientId) {
        locks.share(handle, clientId);
        return ruleIndexes.current(handle, clientId, changedHereWithoutRecording(clientId));
    }

    /** The collections whose rules match each product now: collection id to the matching products' ids. */
    private static Map<Long, Set<Long>> matches(ClientRuleIndexes.Snapshot rules, Collection<Product> products) {
        Map<Long, Set<Long>> matches = new HashMap<>();
        for (Product product : products) {
            for (Long collectionId : rules.matching(product.details())) {
                matches.computeIfAbsent(collectionId, k -> new HashSet<>()).add(product.id().value());
            }
        }
        return matches;
    }

    /** The collections where what the rules match now differs from the rule matches stored for these products. */
    private static Set<Long> changing(Map<Long, Set<Long>> matches, List<Memberships.Row> stored) {
        Map<Long, Set<Long>> storedMatches = new HashMap<>();
        for (Memberships.Row row : stored) {
            if (row.state().matchedByRules()) {
                storedMatches.computeIfAbsent(row.collectionId(), k -> new HashSet<>()).add(row.productId());
            }
        }
        Set<Long> changing = new HashSet<>();
        matches.forEach((collectionId, matched) -> {
            if (!matched.equals(storedMatches.getOrDefault(collectionId, Set.of()))) {
                changing.add(collectionId);
            }
        });
        storedMatches.keySet().forEach(collectionId -> {
            if (!matches.containsKey(collectionId)) {
                changing.add(collectionId);
            }
        });
        return changing;
    }

    /**
     * Evaluates a few products against the client's rule index: compare what the rules say now with the stored
     * rule matches, then lock only the collections whose membership changes and read their rows again, so that
     * writers rarely wait on each other.
     */
    private void refreshChunk(Handle handle, String clientId, ClientRuleIndexes.Snapshot rules,
            List<Product> products) {
        Map<Long, Product> byId = new LinkedHashMap<>();
        products.forEach(product -> byId.put(product.id().value(), product));
        Map<Long, Set<Long>> matches = matches(rules, byId.values());
        List<Memberships.Row> stored = Memberships.rowsOfProducts(handle, byId.keySet());
        Set<Long> created = transactions.transactionStateIfPresent(Memberships.CREATED_PRODUCTS);
        if (stored.isEmpty() && created != null && created.containsAll(byId.keySet())) {
            Map<Long, List<Long>> joiners = new HashMap<>();
            matches.forEach((collectionId, productIds) -> joiners.put(collectionId,
                    productIds.stream().sorted().toList()));
            Memberships.joinCreated(handle, joiners);
            return;
        }
        Set<Long> changing = changing(matches, stored);
        if (changing.isEmpty()) {
            return;
        }
        Map<Long, Long> locked = Memberships.lock(handle, clientId, changing);
        Map<Long, Map<Long, Memberships.Row>> current = new HashMap<>();
        for (Memberships.Row row : Memberships.rows(handle, locked.keySet(), byId.keySet())) {
            current.computeIfAbsent(row.collectionId(), k -> new HashMap<>()).put(row.productId(), row);
        }
        Memberships.Writer writer = new Memberships.Writer(handle, locked);
        for (Long collectionId : locked.keySet()) {
            Set<Long> matched = matches.getOrDefault(collectionId, Set.of());
            Map<Long, Memberships.Row> rows = current.getOrDefault(collectionId, Map.of());
            for (Long productId : byId.keySet()) {
                Memberships.Row row = rows.get(productId);
                MemberState before = row == null ? MemberState.NONE : row.state();
                writer.write(collectionId, productId, row, before.withRuleMatch(matched.contains(productId)));
            }
        }
        writer.flush();
    }

    @Override
    public void forgetProducts(ClientId clientId, List<ProductId> productIds) {
        List<Long> ids = productIds.stream().map(ProductId::value).toList();
        transactions.withHandle(handle -> {
            locks.share(handle, clientId.value());
            Memberships.forget(handle, clientId.value(), ids);
            return null;
        });
    }

    @Override
    public Page<Product> members(ProductCollection collection, PageRequest page) {
        MemberOrder order = new MemberOrder(collection.sortOrder());
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("id", collection.id().value());
        bindings.put("clientId", collection.clientId().value());
        bindings.put("limit", page.limit() + 1);
        String after = page.cursor() == null ? "" : " AND " + order.after(page.cursor(), bindings);
        String sql = "SELECT p.*, m.position AS member_position FROM memberships m"
                + " JOIN products p ON p.id = m.product_id"
                + " WHERE m.collection_id = :id AND p.client_id = :clientId AND " + Memberships.IS_MEMBER + after
                + " ORDER BY " + order.orderBy() + " LIMIT :limit";
        List<MemberOrder.Member> rows = transactions.withHandle(handle -> handle.createQuery(sql).bindMap(bindings)
                .map((rs, ctx) -> new MemberOrder.Member(ProductRow.readProduct(rs), rs.getLong("member_position")))
                .list());
        return order.page(rows, page.limit());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public boolean hasRuleCollections(ClientId clientId) {
        // The share is kept: an import that finds no rule collection skips matching, so none may appear before it
        // commits.
        return transactions.withHandle(handle -> {
            locks.share(handle, clientId.value());
            return !changedHereWithoutRecording(clientId.value()).isEmpty()
                    || NewMembers.ruleCollectionsExist(handle, clientId.value());
        });
    }

    @Override
    public void addNewMembers(ClientId clientId, CollectionId collectionId, List<ProductId> newProductIds) {
        List<Long> ids = newProductIds.stream().map(ProductId::value).toList();
        transactions.withHandle(handle -> {
            NewMembers.add(handle, clientId.value(), collectionId.value(), ids);
            return null;
        });
    }
}
