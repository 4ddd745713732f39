package io.collections.application.memory;

import io.collections.application.memory.InMemoryStore.Membership;
import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.UserId;
import io.collections.domain.collection.CollectionFilter;
import io.collections.domain.collection.CollectionMember;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.CollectionStatus;
import io.collections.domain.collection.MemberState;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.collection.SortOrder;
import io.collections.domain.product.Product;
import io.collections.domain.product.TextFolding;
import io.collections.domain.rule.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collections and memberships kept in an {@link InMemoryStore}; rules are evaluated directly on the products. */
public final class InMemoryCollectionRepository implements CollectionRepository {
    private static final Comparator<ProductCollection> NEWEST_FIRST = Comparator
            .comparing(ProductCollection::createdAt).thenComparing(ProductCollection::id).reversed();

    private final InMemoryStore store;

    public InMemoryCollectionRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(ProductCollection collection) {
        store.locked(() -> {
            if (store.collections.containsKey(collection.id())) {
                throw new IllegalStateException("collection " + collection.id() + " exists already");
            }
            store.put(store.collections, collection.id(), collection.withProductCount(0));
            store.put(store.memberships, collection.id(), new LinkedHashMap<>());
            return null;
        });
    }

    @Override
    public boolean update(ProductCollection collection, long expectedVersion) {
        return store.locked(() -> {
            ProductCollection current = store.collections.get(collection.id());
            if (current == null || !current.clientId().equals(collection.clientId())
                    || current.version() != expectedVersion) {
                return false;
            }
            store.put(store.collections, collection.id(), collection);
            return true;
        });
    }

    @Override
    public Optional<ProductCollection> find(ClientId clientId, CollectionId id) {
        return store.locked(() -> Optional.ofNullable(store.collections.get(id))
                .filter(c -> c.clientId().equals(clientId))
                .map(c -> c.withProductCount(countMembers(id))));
    }

    /** Transactions on the in-memory store run one at a time, so a read is already exclusive. */
    @Override
    public Optional<ProductCollection> findForUpdate(ClientId clientId, CollectionId id) {
        return find(clientId, id);
    }

    @Override
    public boolean delete(ClientId clientId, CollectionId id) {
        return store.locked(() -> {
            if (find(clientId, id).isEmpty()) {
                return false;
            }
            store.remove(store.collections, id);
            store.remove(store.memberships, id);
            return true;
        });
    }

    @Override
    public Page<ProductCollection> list(ClientId clientId, CollectionFilter filter, PageRequest page) {
        return store.locked(() -> {
            String nameNeedle = filter.nameContains() == null ? null : TextFolding.fold(filter.nameContains());
            List<ProductCollection> all = new ArrayList<>();
            for (ProductCollection collection : store.collections.values()) {
                if (collection.clientId().equals(clientId)
                        && (filter.status() == null || collection.status() == filter.status())
                        && (nameNeedle == null || TextFolding.fold(collection.name()).contains(nameNeedle))) {
                    all.add(collection.withProductCount(countMembers(collection.id())));
                }
            }
            all.sort(NEWEST_FIRST);
            return Paging.after(all, page, NEWEST_FIRST,
                    c -> Cursors.encode(c.createdAt().toEpochMilli() + ":" + c.id()), InMemoryCollectionRepository::collectionProbe);
        });
    }

    private static ProductCollection collectionProbe(String cursor) {
        String[] parts = Cursors.decode(cursor, 2);
        try {
            Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
            UserId nobody = new UserId("cursor");
            return ProductCollection.reconstitute(CollectionId.parse(parts[1]), new ClientId("cursor"), "cursor",
                    CollectionStatus.DRAFT, null, RuleSet.NONE, SortOrder.NAME, 0, 1, at, at, nobody, nobody);
        } catch (RuntimeException e) {
            throw Cursors.invalid();
        }
    }

    @Override
    public boolean nameExists(ClientId clientId, String name) {
        return store.locked(() -> store.collections.values().stream()
                .anyMatch(c -> c.clientId().equals(clientId) && c.name().equals(name)));
    }

    /** In memory, transactions run one at a time already. */
    @Override
    public void holdNames(ClientId clientId) {
    }

    @Override
    public MemberState memberState(ClientId clientId, CollectionId collectionId, ProductId productId) {
        return store.locked(() -> {
            Membership membership = members(clientId, collectionId).get(productId);
            return membership == null ? MemberState.NONE : membership.state();
        });
    }

    @Override
    public void saveMemberState(ClientId clientId, CollectionId collectionId, ProductId productId, MemberState state) {
        store.locked(() -> {
            record(members(clientId, collectionId), productId, state);
            return null;
        });
    }

    @Override
    public void addMembers(ClientId clientId, CollectionId collectionId, List<ProductId> productIds) {
        store.locked(() -> {
            Map<ProductId, Membership> members = members(clientId, collectionId);
            for (ProductId productId : productIds) {
                Membership current = members.get(productId);
                record(members, productId, (current == null ? MemberState.NONE : current.state()).afterAdd());
            }
            return null;
        });
    }

    @Override
    public boolean hasRuleCollections(ClientId clientId) {
        return store.locked(() -> store.collections.values().stream()
                .anyMatch(c -> c.clientId().equals(clientId) && !c.ruleSet().isEmpty()));
    }

    @Override
    public void addNewMembers(ClientId clientId, CollectionId collectionId, List<ProductId> newProductIds) {
        store.locked(() -> {
            Map<ProductId, Membership> members = members(clientId, collectionId);
            for (ProductId productId : newProductIds) {
                // Holds callers to the port's promise, as the primary key of the database adapters does.
                if (members.containsKey(productId)) {
                    throw new IllegalStateException("product " + productId + " is in " + collectionId + " already");
                }
                record(members, productId, MemberState.NONE.afterAdd());
            }
            return null;
        });
    }

    @Override
    public void refreshRuleMatches(ProductCollection collection) {
        store.locked(() -> {
            Map<ProductId, Membership> members = members(collection.clientId(), collection.id());
            for (Product product : store.products.values()) {
                if (product.clientId().equals(collection.clientId())) {
                    updateRuleMatch(members, product, collection.ruleSet());
                }
            }
            return null;
        });
    }

    @Override
    public void refreshMemberships(ClientId clientId, List<Product> products) {
        store.locked(() -> {
            for (ProductCollection collection : store.collections.values()) {
                if (!collection.clientId().equals(clientId)) {
                    continue;
                }
                Map<ProductId, Membership> members = store.memberships.get(collection.id());
                for (Product product : products) {
                    updateRuleMatch(members, product, collection.ruleSet());
                }
            }
            return null;
        });
    }

    @Override
    public void forgetProducts(ClientId clientId, List<ProductId> productIds) {
        store.locked(() -> {
            for (ProductCollection collection : store.collections.values()) {
                if (collection.clientId().equals(clientId)) {
                    Map<ProductId, Membership> members = store.memberships.get(collection.id());
                    for (ProductId productId : productIds) {
                        store.remove(members, productId);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public Page<Product> members(ProductCollection collection, PageRequest page) {
        return store.locked(() -> {
            List<CollectionMember> all = new ArrayList<>();
            members(collection.clientId(), collection.id()).forEach((productId, membership) -> {
                if (membership.state().isMember()) {
                    all.add(new CollectionMember(store.products.get(productId), membership.position()));
                }
            });
            Comparator<CollectionMember> order = CollectionMember.comparator(collection.sortOrder());
            all.sort(order);
            Page<CollectionMember> members = Paging.after(all, page, order,
                    m -> Cursors.encode(m.product().id() + ":" + m.position()), this::memberProbe);
            return new Page<>(members.items().stream().map(CollectionMember::product).toList(), members.nextCursor());
        });
    }

    private CollectionMember memberProbe(String cursor) {
        String[] parts = Cursors.decode(cursor, 2);
        Product product;
        long position;
        try {
            product = store.products.get(ProductId.parse(parts[0]));
            position = Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            throw Cursors.invalid();
        }
        if (product == null) {
            throw Cursors.invalid();
        }
        return new CollectionMember(product, position);
    }

    private void updateRuleMatch(Map<ProductId, Membership> members, Product product, RuleSet rules) {
        Membership current = members.get(product.id());
        MemberState before = current == null ? MemberState.NONE : current.state();
        MemberState after = before.withRuleMatch(rules.matches(product.details()));
        if (!after.equals(before)) {
            record(members, product.id(), after);
        }
    }

    private void record(Map<ProductId, Membership> members, ProductId productId, MemberState state) {
        Membership current = members.get(productId);
        if (!state.isRecorded()) {
            store.remove(members, productId);
            return;
        }
        boolean joins = state.isMember() && (current == null || !current.state().isMember());
        long position = joins || current == null ? store.nextPosition() : current.position();
        store.put(members, productId, new Membership(state, position));
    }

    private Map<ProductId, Membership> members(ClientId clientId, CollectionId collectionId) {
        ProductCollection collection = store.collections.get(collectionId);
        if (collection == null || !collection.clientId().equals(clientId)) {
            return new LinkedHashMap<>();
        }
        return store.memberships.get(collectionId);
    }

    private long countMembers(CollectionId id) {
        Map<ProductId, Membership> members = store.memberships.get(id);
        return members == null ? 0 : members.values().stream().filter(m -> m.state().isMember()).count();
    }
}
