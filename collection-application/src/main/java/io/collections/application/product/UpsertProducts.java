package io.collections.application.product;

import io.collections.application.Caller;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.IdGenerator;
import io.collections.domain.InvalidInputException;
import io.collections.domain.NotFoundException;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import io.collections.domain.product.ProductDetails;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Creates or changes up to 1,000 products in one transaction: all of them, or none when any one is refused
 * (the error names the item's position).
 */
public final class UpsertProducts {
    public static final int MAX_ITEMS = 1000;

    private final Transactions transactions;
    private final ProductCatalog catalog;
    private final CollectionRepository collections;
    private final IdGenerator ids;
    private final Clock clock;

    public UpsertProducts(Transactions transactions, ProductCatalog catalog, CollectionRepository collections,
            IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.catalog = catalog;
        this.collections = collections;
        this.ids = ids;
        this.clock = clock;
    }

    /** One product: a new one when {@code id} is null, else a change to the existing product with that id. */
    public record Item(ProductId id, UnaryOperator<ProductDetails.Builder> change) {
    }

    public List<Product> execute(Caller caller, List<Item> items) {
        caller.requireWrite();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidInputException("products", "must hold 1 to " + MAX_ITEMS + " items");
        }
        return transactions.inTransaction(() -> {
            Instant now = UseCaseSupport.now(clock);
            List<Product> inserted = new ArrayList<>();
            List<Product> updated = new ArrayList<>();
            List<Product> result = new ArrayList<>(items.size());
            Set<ProductId> seen = new HashSet<>();
            // The memberships the changes will move before the products' rows, as an import takes them (see
            // UpdateProduct); the changes are made again below from the rows as held.
            List<Product> planned = new ArrayList<>();
            Set<ProductId> planning = new HashSet<>();
            for (int position = 0; position < items.size(); position++) {
                if (items.get(position).id() != null) {
                    planned.add(change(caller, items.get(position), position, now, planning,
                            id -> catalog.find(caller.clientId(), id)));
                }
            }
            collections.lockMemberships(caller.clientId(), planned);
            // Held in id order before any is read: two batches that share products then never hold them crosswise.
            Map<ProductId, Product> held = new HashMap<>();
            items.stream().map(Item::id).filter(Objects::nonNull).distinct()
                    .sorted(Comparator.comparingLong(ProductId::value))
                    .forEach(id -> catalog.findForUpdate(caller.clientId(), id)
                            .ifPresent(product -> held.put(id, product)));
            for (int position = 0; position < items.size(); position++) {
                Item item = items.get(position);
                Product product = item.id() == null
                        ? create(caller, item, position, now)
                        : change(caller, item, position, now, seen, id -> Optional.ofNullable(held.get(id)));
                (item.id() == null ? inserted : updated).add(product);
                result.add(product);
            }
            catalog.insertAll(inserted);
            catalog.updateAll(updated);
            collections.refreshMemberships(caller.clientId(), result);
            return result;
        });
    }

    private Product create(Caller caller, Item item, int position, Instant now) {
        ProductDetails details = build(item.change().apply(ProductDetails.builder()), position);
        return Product.create(ids.nextProductId(), caller.clientId(), details, caller.userId(), now);
    }

    /** The item's change applied to the product as {@code current} finds it. */
    private static Product change(Caller caller, Item item, int position, Instant now, Set<ProductId> seen,
            Function<ProductId, Optional<Product>> current) {
        if (!seen.add(item.id())) {
            throw new InvalidInputException("[" + position + "].id", "repeats product " + item.id()
                    + " already changed earlier in this batch");
        }
        Product product = current.apply(item.id())
                .orElseThrow(() -> new NotFoundException("product", item.id() + " (item " + position + ")"));
        ProductDetails details = build(item.change().apply(product.details().toBuilder()), position);
        return product.withDetails(details, caller.userId(), now);
    }

    private static ProductDetails build(ProductDetails.Builder builder, int position) {
        try {
            return builder.build();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("[" + position + "]." + e.field(), e.reason());
        }
    }
}
