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
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Collections and memberships in the database. Rule changes are applied with set-based SQL over the folded
 * columns; changed products find their candidate collections through {@code collection_rule_keys} and are
 * evaluated with the domain's own {@link RuleSet#matches}.
 */
public final class JdbcCollectionRepository implements CollectionRepository {
    private static final String LIST = "collections";
    /** Products evaluated per candidate query; keeps the bind parameters far below PostgreSQL's 32,767. */
    private static final int CANDIDATE_CHUNK = 20;
    private static final int MAX_PARSED_RULES = 100_000;

    private final Map<String, RuleSet> parsedRules = new ConcurrentHashMap<>();

    private final JdbiTransactions transactions;

    public JdbcCollectionRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(ProductCollection collection) {
        CollectionRow row = CollectionRow.from(collection.withProductCount(0));
        transactions.withHandle(handle -> {
            handle.createUpdate("INSERT INTO collections (" + CollectionRow.COLUMNS + ", next_position) VALUES"
                    + " (:id, :clientId, :name, :foldedName, :status, :imageId, :rules, :matchAll, :evaluateAlways,"
                    + " :sortBy, :productCount, :version, :createdAt, :updatedAt, :createdBy, :updatedBy, 1)")
                    .bindMethods(row).execute();
            insertRuleKeys(handle, row.clientId(), row.id(), collection.ruleSet());
            return null;
        });
    }

    @Override
    public boolean update(ProductCollection collection, long expectedVersion) {
        CollectionRow row = CollectionRow.from(collection);
        return transactions.withHandle(handle -> {
            int updated = handle.createUpdate("UPDATE collections SET name = :name, folded_name = :foldedName,"
                    + " status = :status, image_id = :imageId, rules = :rules, match_all = :matchAll,"
                    + " evaluate_always = :evaluateAlways, sort_by = :sortBy, version = :version,"
                    + " updated_at = :updatedAt, updated_by = :updatedBy"
                    + " WHERE id = :id AND client_id = :clientId AND version = :expectedVersion")
                    .bindMethods(row).bind("expectedVersion", expectedVersion).execute();
            if (updated == 0) {
                return false;
            }
            handle.createUpdate("DELETE FROM collection_rule_keys WHERE collection_id = :id").bind("id", row.id())
                    .execute();
            insertRuleKeys(handle, row.clientId(), row.id(), collection.ruleSet());
            return true;
        });
    }

    private static void insertRuleKeys(Handle handle, String clientId, long collectionId, RuleSet ruleSet) {
        Set<RuleKeys> keys = RuleKeys.of(ruleSet);
        if (keys.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO collection_rule_keys (client_id, rule_type,"
                + " folded_value, collection_id) VALUES (:clientId, :ruleType, :foldedValue, :collectionId)");
        for (RuleKeys key : keys) {
            batch.bind("clientId", clientId).bind("collectionId", collectionId).bindMethods(key).add();
        }
        batch.execute();
    }

    @Override
    public Optional<ProductCollection> find(ClientId clientId, CollectionId id) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT " + CollectionRow.COLUMNS
                        + " FROM collections WHERE id = :id AND client_id = :clientId")
                .bind("id", id.value()).bind("clientId", clientId.value())
                .map((rs, ctx) -> CollectionRow.read(rs)).findOne().map(CollectionRow::toDomain));
    }

    @Override
    public boolean delete(ClientId clientId, CollectionId id) {
        return transactions.withHandle(handle -> {
            // Taking the row lock first makes a concurrent membership writer wait rather than fail.
            if (Memberships.lock(handle, clientId.value(), List.of(id.value())).isEmpty()) {
                return false;
            }
            handle.createUpdate("DELETE FROM memberships WHERE collection_id = :id").bind("id", id.value()).execute();
            handle.createUpdate("DELETE FROM collection_rule_keys WHERE collection_id = :id").bind("id", id.value())
                    .execute();
            return handle.createUpdate("DELETE FROM collections WHERE id = :id AND client_id = :clientId")
                    .bind("id", id.value()).bind("clientId", clientId.value()).execute() > 0;
        });
    }

    @Override
    public Page<ProductCollection> list(ClientId clientId, CollectionFilter filter, PageRequest page) {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("clientId", clientId.value());
        StringBuilder sql = new StringBuilder("SELECT " + CollectionRow.COLUMNS
                + " FROM collections WHERE client_id = :clientId");
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            bindings.put("status", filter.status().name());
        }
        if (filter.nameContains() != null) {
            sql.append(" AND folded_name LIKE :name ESCAPE '!'");
            bindings.put("name", "%" + RuleSql.likeLiteral(TextFolding.fold(filter.nameContains())) + "%");
        }
        if (page.cursor() != null) {
            List<String> parts = PageCursors.decode(page.cursor(), LIST, 3);
            sql.append(" AND (created_at < :afterAt OR (created_at = :afterAt AND id < :afterId))");
            bindings.put("afterAt", PageCursors.parse(parts.get(1), text -> utc(Instant.parse(text))));
            bindings.put("afterId", PageCursors.parse(parts.get(2), text -> CollectionId.parse(text).value()));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
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
            for (List<Long> chunk : Chunks.of(wanted)) {
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
            Map<Long, Long> locked = Memberships.lock(handle, clientId, List.of(id));
            if (locked.isEmpty()) {
                return null;
            }
            String matching = "SELECT 1 FROM products p WHERE p.id = m.product_id AND p.client_id = :clientId AND "
                    + rules.condition();
            handle.createUpdate("UPDATE memberships m SET matched = FALSE WHERE m.collection_id = :id"
                    + " AND m.matched AND NOT EXISTS (" + matching + ")")
                    .bind("id", id).bind("clientId", clientId).bindMap(rules.bindings()).execute();
            handle.createUpdate("DELETE FROM memberships WHERE collection_id = :id"
                    + " AND NOT matched AND NOT added AND NOT removed").bind("id", id).execute();
            handle.createUpdate("UPDATE memberships m SET matched = TRUE WHERE m.collection_id = :id"
                    + " AND NOT m.matched AND EXISTS (" + matching + ")")
                    .bind("id", id).bind("clientId", clientId).bindMap(rules.bindings()).execute();
            long nextPosition = locked.get(id);
            // Products that newly match join in id order, which is creation order for generated ids.
            int joined = handle.createUpdate("INSERT INTO memberships (collection_id, product_id, matched, added,"
                    + " removed, position) SELECT :id, p.id, TRUE, FALSE, FALSE,"
                    + " :nextPosition - 1 + ROW_NUMBER() OVER (ORDER BY p.id)"
                    + " FROM products p WHERE p.client_id = :clientId AND " + rules.condition()
                    + " AND NOT EXISTS (SELECT 1 FROM memberships e WHERE e.collection_id = :id"
                    + " AND e.product_id = p.id)")
                    .bind("id", id).bind("clientId", clientId).bind("nextPosition", nextPosition)
                    .bindMap(rules.bindings()).execute();
            handle.createUpdate("UPDATE collections SET next_position = :nextPosition, product_count ="
                    + " (SELECT COUNT(*) FROM memberships m WHERE m.collection_id = :id AND " + Memberships.IS_MEMBER
                    + ") WHERE id = :id")
                    .bind("id", id).bind("nextPosition", nextPosition + joined).execute();
            return null;
        });
    }

    @Override
    public void refreshMemberships(ClientId clientId, List<Product> products) {
        if (products.isEmpty()) {
            return;
        }
        transactions.withHandle(handle -> {
            List<Product> distinct = new ArrayList<>(products.stream()
                    .collect(java.util.stream.Collectors.toMap(p -> p.id().value(), p -> p, (a, b) -> b,
                            LinkedHashMap::new)).values());
            for (int start = 0; start < distinct.size(); start += CANDIDATE_CHUNK) {
                refreshChunk(handle, clientId.value(), distinct.subList(start,
                        Math.min(distinct.size(), start + CANDIDATE_CHUNK)));
            }
            return null;
        });
    }

    /**
     * Evaluates a few products against their candidate collections: read without locks first, then lock only the
     * collections whose membership changes and read their rows again, so that writers rarely wait on each other.
     */
    private void refreshChunk(Handle handle, String clientId, List<Product> products) {
        Map<Long, Product> byId = new LinkedHashMap<>();
        products.forEach(product -> byId.put(product.id().value(), product));
        Map<Long, RuleSet> candidates = candidateRuleSets(handle, clientId, byId);
        if (candidates.isEmpty()) {
            return;
        }
        Map<Long, Set<Long>> matches = new HashMap<>();
        candidates.forEach((collectionId, ruleSet) -> {
            for (Product product : byId.values()) {
                if (ruleSet.matches(product.details())) {
                    matches.computeIfAbsent(collectionId, k -> new HashSet<>()).add(product.id().value());
                }
            }
        });
        Set<Long> changing = new HashSet<>();
        Map<Long, Set<Long>> storedMatches = new HashMap<>();
        for (Memberships.Row row : Memberships.rows(handle, candidates.keySet(), byId.keySet())) {
            if (row.state().matchedByRules()) {
                storedMatches.computeIfAbsent(row.collectionId(), k -> new HashSet<>()).add(row.productId());
            }
        }
        for (Long collectionId : candidates.keySet()) {
            if (!matches.getOrDefault(collectionId, Set.of()).equals(storedMatches.getOrDefault(collectionId,
                    Set.of()))) {
                changing.add(collectionId);
            }
        }
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

    /**
     * The rule sets of every collection the products may match, in one query: those filed under one of the
     * products' keys, those that must always be evaluated, and those that match a product now (it may have
     * stopped matching).
     */
    private Map<Long, RuleSet> candidateRuleSets(Handle handle, String clientId, Map<Long, Product> products) {
        Set<RuleKeys> keys = new LinkedHashSet<>();
        for (Product product : products.values()) {
            keys.addAll(RuleKeys.ofProduct(product.details()));
        }
        // Driven from the small candidate set and joined by primary key, never by scanning the client's collections.
        StringBuilder sql = new StringBuilder("SELECT c.id, c.rules, c.match_all FROM (SELECT a.id AS candidate"
                + " FROM collections a WHERE a.client_id = :clientId AND a.evaluate_always = TRUE"
                + " UNION SELECT m.collection_id FROM memberships m WHERE m.product_id IN (<products>) AND m.matched");
        if (!keys.isEmpty()) {
            // A joined VALUES list, not "folded_value IN (...)": H2 then seeks the primary key once per key instead
            // of scanning every key of the rule type (75,000 rows for tags among 100,000 collections).
            sql.append(" UNION SELECT k.collection_id FROM collection_rule_keys k JOIN (VALUES ");
            for (int i = 0; i < keys.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:type").append(i).append(", :value").append(i).append(')');
            }
            sql.append(") AS wanted (rule_type, folded_value) ON k.rule_type = wanted.rule_type"
                    + " AND k.folded_value = wanted.folded_value WHERE k.client_id = :clientId");
        }
        sql.append(") candidates JOIN collections c ON c.id = candidates.candidate WHERE c.client_id = :clientId");
        Query query = handle.createQuery(sql.toString()).bind("clientId", clientId)
                .bindList("products", new ArrayList<>(products.keySet()));
        int index = 0;
        for (RuleKeys key : keys) {
            query.bind("type" + index, key.ruleType()).bind("value" + index, key.foldedValue());
            index++;
        }
        Map<Long, RuleSet> ruleSets = new HashMap<>();
        query.map((rs, ctx) -> Map.entry(rs.getLong(1), ruleSets(rs.getString(2), rs.getBoolean(3))))
                .forEach(entry -> ruleSets.put(entry.getKey(), entry.getValue()));
        return ruleSets;
    }

    /** Parsed rule sets by their stored text: many collections share rules, and parsing is the hot spot. */
    private RuleSet ruleSets(String rulesJson, boolean matchAll) {
        if (parsedRules.size() > MAX_PARSED_RULES) {
            parsedRules.clear();
        }
        return parsedRules.computeIfAbsent(matchAll + rulesJson, key -> CollectionRow.ruleSet(rulesJson, matchAll));
    }

    @Override
    public void forgetProducts(ClientId clientId, List<ProductId> productIds) {
        List<Long> ids = productIds.stream().map(ProductId::value).toList();
        transactions.withHandle(handle -> {
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
        return transactions.withHandle(handle -> NewMembers.ruleCollectionsExist(handle, clientId.value()));
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
