package io.collections.application.product;

import io.collections.application.Caller;
import io.collections.application.PreconditionFailedException;
import io.collections.application.Transactions;
import io.collections.application.UseCaseSupport;
import io.collections.domain.NotFoundException;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import io.collections.domain.product.ProductDetails;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Changes a product; every rule collection follows in the same transaction. */
public final class UpdateProduct {
    private final Transactions transactions;
    private final ProductCatalog catalog;
    private final CollectionRepository collections;
    private final Clock clock;

    public UpdateProduct(Transactions transactions, ProductCatalog catalog, CollectionRepository collections,
            Clock clock) {
        this.transactions = transactions;
        this.catalog = catalog;
        this.collections = collections;
        this.clock = clock;
    }

    /**
     * The product, the change to make to its current details, and what the product must still be for the change
     * to apply (If-Match), checked while its row is held.
     */
    public record Command(ProductId id, UnaryOperator<ProductDetails.Builder> change, Predicate<Product> precondition) {
        public Command(ProductId id, UnaryOperator<ProductDetails.Builder> change) {
            this(id, change, product -> true);
        }
    }

    public Product execute(Caller caller, Command command) {
        caller.requireWrite();
        return transactions.inTransaction(() -> {
            Product seen = catalog.find(caller.clientId(), command.id())
                    .orElseThrow(() -> new NotFoundException("product", command.id()));
            ProductDetails planned = command.change().apply(seen.details().toBuilder()).build();
            // The memberships the change will move (rule lock, then count rows) before the product's row, as an
            // import and a delete take them: an import holds the count rows of its earlier pages when it updates the
            // products of later ones. Should the row change before it is held, the refresh below locks what else
            // it needs then.
            if (!planned.equals(seen.details())) {
                collections.lockMemberships(caller.clientId(), List.of(seen.withDetails(planned, caller.userId(),
                        UseCaseSupport.now(clock))));
            }
            Product current = catalog.findForUpdate(caller.clientId(), command.id())
                    .orElseThrow(() -> new NotFoundException("product", command.id()));
            if (!command.precondition().test(current)) {
                throw new PreconditionFailedException("product " + command.id() + " has changed since the If-Match"
                        + " tag");
            }
            ProductDetails details = command.change().apply(current.details().toBuilder()).build();
            if (details.equals(current.details())) {
                return current;
            }
            Product changed = current.withDetails(details, caller.userId(), UseCaseSupport.now(clock));
            catalog.update(changed);
            collections.refreshMemberships(caller.clientId(), List.of(changed));
            return changed;
        });
    }
}
