package io.collections.application;

import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.NotFoundException;
import io.collections.domain.ProductId;
import io.collections.domain.collection.CollectionRepository;
import io.collections.domain.collection.ProductCollection;
import io.collections.domain.product.Product;
import io.collections.domain.product.ProductCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small lookups every use case needs: load or 404, and the current time at the precision we store. */
public final class UseCaseSupport {
    private UseCaseSupport() {
    }

    public static ProductCollection collection(CollectionRepository collections, ClientId clientId, CollectionId id) {
        return collections.find(clientId, id).orElseThrow(() -> new NotFoundException("collection", id));
    }

    public static Product product(ProductCatalog catalog, ClientId clientId, ProductId id) {
        return catalog.find(clientId, id).orElseThrow(() -> new NotFoundException("product", id));
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
