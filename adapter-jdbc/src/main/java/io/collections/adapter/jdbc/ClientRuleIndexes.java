package io.collections.adapter.jdbc;

import io.collections.domain.product.ProductDetails;
import io.collections.domain.rule.RuleIndex;
import io.collections.domain.rule.RuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Each client's rule collections as an in-process {@link RuleIndex}, so that a product write finds the collections
 * it matches without reading them. Exact across instances through {@code rule_generations} (decision 0090): a
 * write that changes rules raises the client's generation and stamps the collection with it; a reader compares
 * the committed generation with its snapshot's and loads only the collections stamped since.
 */
final class ClientRuleIndexes {
    /** Changed collections evaluated one by one before the index is rebuilt from the database. */
    static final int MAX_OVERLAY = 2_048;
    /** Rule sets kept for all clients together; past it the snapshots are dropped and reloaded on use. */
    private static final long MAX_CACHED_RULE_SETS = 2_000_000;
    private static final int MAX_PARSED_RULES = 100_000;

    private final int maxOverlay;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, RuleSet> parsedRules = new ConcurrentHashMap<>();

    ClientRuleIndexes(int maxOverlay) {
        this.maxOverlay = maxOverlay;
    }

    /**
     * Raises the client's generation inside the current transaction and answers it, to stamp the changed
     * collection with. The row stays locked until the transaction ends, which orders rule changes per client.
     */
    static long advance(Handle handle, String clientId) {
        handle.createUpdate("INSERT INTO rule_generations (client_id, generation) VALUES (:clientId, 0)"
                + " ON CONFLICT DO NOTHING").bind("clientId", clientId).execute();
        handle.createUpdate("UPDATE rule_generations SET generation = generation + 1 WHERE client_id = :clientId")
                .bind("clientId", clientId).execute();
        return generation(handle, clientId);
    }

    private static long generation(Handle handle, String clientId) {
        return handle.createQuery("SELECT generation FROM rule_generations WHERE client_id = :clientId")
                .bind("clientId", clientId).mapTo(Long.class).findOne().orElse(0L);
    }

    /**
     * The client's rule sets as this transaction sees them, with the collections whose rules it changed itself
     * (not stamped until it commits). A snapshot is shared with later transactions only when this one changed no
     * rules: otherwise it may hold rows that are rolled back.
     */
    Snapshot current(Handle handle, String clientId, Set<Long> changedHere) {
        Snapshot committed = committed(handle, clientId, !changedHere.isEmpty());
        if (changedHere.isEmpty()) {
            return committed;
        }
        Map<Long, RuleSet> overlay = new HashMap<>(committed.overlay);
        changedHere.forEach(id -> overlay.put(id, RuleSet.NONE));
        for (List<Long> chunk : Chunks.padded(changedHere)) {
            readRuleSets(handle.createQuery("SELECT id, rules, match_all FROM collections WHERE client_id = :clientId"
                    + " AND id IN (<ids>)").bind("clientId", clientId).bindList("ids", chunk), overlay);
        }
        return new Snapshot(committed.generation, committed.index, overlay);
    }

    private Snapshot committed(Handle handle, String clientId, boolean changedRulesHere) {
        long generation = generation(handle, clientId);
        Snapshot cached = snapshots.get(clientId);
        if (cached != null && cached.generation == generation) {
            return cached;
        }
        Snapshot next;
        if (cached == null || cached.generation > generation || cached.overlay.size() >= maxOverlay) {
            next = Snapshot.of(generation, load(handle, clientId, Long.MIN_VALUE), Map.of());
        } else {
            Map<Long, RuleSet> overlay = new HashMap<>(cached.overlay);
            overlay.putAll(load(handle, clientId, cached.generation));
            next = new Snapshot(generation, cached.index, overlay);
        }
        if (!changedRulesHere) {
            keep(clientId, next);
        }
        return next;
    }

    private void keep(String clientId, Snapshot next) {
        long cachedRuleSets = next.size();
        for (Snapshot snapshot : snapshots.values()) {
            cachedRuleSets += snapshot.size();
        }
        if (cachedRuleSets > MAX_CACHED_RULE_SETS) {
            snapshots.clear();
        }
        snapshots.merge(clientId, next, (old, fresh) -> old.generation > fresh.generation ? old : fresh);
    }

    /** The rule sets of the client's collections stamped after {@code after}; empty ones too, to hide old rules. */
    private Map<Long, RuleSet> load(Handle handle, String clientId, long after) {
        Map<Long, RuleSet> loaded = new HashMap<>();
        readRuleSets(handle.createQuery("SELECT id, rules, match_all FROM collections WHERE client_id = :clientId"
                + " AND rules_generation > :after").bind("clientId", clientId).bind("after", after), loaded);
        return loaded;
    }

    /** Reads (id, rules, match_all) rows into {@code into}. */
    private void readRuleSets(Query query, Map<Long, RuleSet> into) {
        query.map((rs, ctx) -> Map.entry(rs.getLong(1), parse(rs.getString(2), rs.getBoolean(3))))
                .forEach(entry -> into.put(entry.getKey(), entry.getValue()));
    }

    /** Parsed rule sets by their stored text: many collections share rules. */
    private RuleSet parse(String rulesJson, boolean matchAll) {
        if (parsedRules.size() > MAX_PARSED_RULES) {
            parsedRules.clear();
        }
        return parsedRules.computeIfAbsent(matchAll + rulesJson, key -> CollectionRow.ruleSet(rulesJson, matchAll));
    }

    /**
     * The rule sets as of one generation: an index built at some earlier generation, and the collections changed
     * since, which are evaluated one by one and hide their entry in the index. A deleted collection may still
     * answer; the membership writer skips collections it cannot lock, which a deleted one is.
     */
    static final class Snapshot {
        private final long generation;
        private final RuleIndex<Long> index;
        private final Map<Long, RuleSet> overlay;

        private Snapshot(long generation, RuleIndex<Long> index, Map<Long, RuleSet> overlay) {
            this.generation = generation;
            this.index = index;
            this.overlay = overlay;
        }

        static Snapshot of(long generation, Map<Long, RuleSet> ruleSets, Map<Long, RuleSet> overlay) {
            RuleIndex.Builder<Long> builder = RuleIndex.builder();
            ruleSets.forEach((id, ruleSet) -> {
                if (!ruleSet.isEmpty()) {
                    builder.add(id, ruleSet);
                }
            });
            return new Snapshot(generation, builder.build(), overlay);
        }

        /** The ids of the collections whose rules the product matches. */
        List<Long> matching(ProductDetails product) {
            List<Long> indexed = index.matching(product);
            if (overlay.isEmpty()) {
                return indexed;
            }
            List<Long> matching = new ArrayList<>(indexed.size() + 8);
            for (Long id : indexed) {
                if (!overlay.containsKey(id)) {
                    matching.add(id);
                }
            }
            overlay.forEach((id, ruleSet) -> {
                if (ruleSet.matches(product)) {
                    matching.add(id);
                }
            });
            return matching;
        }

        private long size() {
            return index.size() + overlay.size();
        }
    }
}
