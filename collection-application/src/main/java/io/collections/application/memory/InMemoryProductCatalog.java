package io.collections.application.memory;

import io.collections.domain.ClientId;
import io.collections.domain.ConflictException;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import io.collections.domain.product.ProductSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalog kept in an {@link InMemoryStore}. */
public final class InMemoryProductCatalog implements ProductCatalog {
    static final Comparator<Product> NEWEST_FIRST = Comparator.comparing(Product::createdAt)
            .thenComparing(Product::id).reversed();

    private final InMemoryStore store;

    public InMemoryProductCatalog(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insertAll(List<Product> products) {
        store.locked(() -> {
            refuseTakenSources(products);
            for (Product product : products) {
                if (store.products.containsKey(product.id())) {
                    throw new IllegalStateException("product " + product.id() + " exists already");
                }
                store.put(store.products, product.id(), product);
            }
            return null;
        });
    }

    /** At most one product of a client per import source, as the database's unique index keeps it. */
    private void refuseTakenSources(List<Product> products) {
        Set<List<String>> incoming = new HashSet<>();
        for (Product product : products) {
            ProductSource source = product.details().source();
            if (source != null && !incoming.add(sourceKey(product.clientId(), source))) {
                throw sourceConflict(source);
            }
        }
        if (incoming.isEmpty()) {
            return;
        }
        for (Product existing : store.products.values()) {
            ProductSource source = existing.details().source();
            if (source != null && incoming.contains(sourceKey(existing.clientId(), source))) {
                throw sourceConflict(source);
            }
        }
    }

    private static List<String> sourceKey(ClientId clientId, ProductSource source) {
        return List.of(clientId.value(), source.provider(), source.account(), source.externalId());
    }

    private static ConflictException sourceConflict(ProductSource source) {
        return new ConflictException("products of " + source.provider() + " account " + source.account()
                + " are being written by another import at the same time; import again when it has finished",
                List.of());
    }

    @Override
    public void updateAll(List<Product> products) {
        store.locked(() -> {
            for (Product product : products) {
                Product current = store.products.get(product.id());
                if (current == null || !current.clientId().equals(product.clientId())) {
                    throw new IllegalStateException("product " + product.id() + " does not exist");
                }
                store.put(store.products, product.id(), product);
            }
            return null;
        });
    }

    @Override
    public Optional<Product> find(ClientId clientId, ProductId id) {
        return store.locked(() -> Optional.ofNullable(store.products.get(id))
                .filter(p -> p.clientId().equals(clientId)));
    }

    /** In memory, transactions run one at a time already. */
    @Override
    public Optional<Product> findForUpdate(ClientId clientId, ProductId id) {
        return find(clientId, id);
    }

    @Override
    public boolean delete(ClientId clientId, ProductId id) {
        return store.locked(() -> {
            if (find(clientId, id).isEmpty()) {
                return false;
            }
            store.remove(store.products, id);
            return true;
        });
    }

    @Override
    public Page<Product> list(ClientId clientId, PageRequest page) {
        return store.locked(() -> {
            List<Product> all = new ArrayList<>();
            for (Product product : store.products.values()) {
                if (product.clientId().equals(clientId)) {
                    all.add(product);
                }
            }
            all.sort(NEWEST_FIRST);
            return Paging.after(all, page, NEWEST_FIRST, InMemoryProductCatalog::cursorOf,
                    cursor -> probe(cursor, all));
        });
    }

    private static String cursorOf(Product product) {
        return Cursors.encode(product.createdAt().toEpochMilli() + ":" + product.id());
    }

    private static Product probe(String cursor, List<Product> all) {
        String[] parts = Cursors.decode(cursor, 2);
        try {
            long millis = Long.parseLong(parts[0]);
            ProductId id = ProductId.parse(parts[1]);
            return all.stream().filter(p -> p.id().equals(id) && p.createdAt().toEpochMilli() == millis).findFirst()
                    .orElseGet(() -> Paging.syntheticProduct(id, millis));
        } catch (RuntimeException e) {
            throw Cursors.invalid();
        }
    }

    @Override
    public Map<String, Product> findBySource(ClientId clientId, String provider, String account,
            Collection<String> externalIds) {
        return store.locked(() -> {
            Set<String> wanted = new HashSet<>(externalIds);
            Map<String, Product> found = new HashMap<>();
            for (Product product : store.products.values()) {
                ProductSource source = product.details().source();
                if (source != null && product.clientId().equals(clientId) && source.provider().equals(provider)
                        && source.account().equals(account) && wanted.contains(source.externalId())) {
                    found.put(source.externalId(), product);
                }
            }
            return found;
        });
    }
}
