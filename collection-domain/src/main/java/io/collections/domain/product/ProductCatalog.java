package io.collections.domain.product;

import io.collections.domain.ClientId;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client's catalog of products. Every method is scoped to one client and runs inside the caller's transaction. */
public interface ProductCatalog {

    void insertAll(List<Product> products);

    void updateAll(List<Product> products);

    default void insert(Product product) {
        insertAll(List.of(product));
    }

    default void update(Product product) {
        updateAll(List.of(product));
    }

    Optional<Product> find(ClientId clientId, ProductId id);

    /**
     * Like {@link #find}, and holds the product's row until the transaction ends, so that changes of one product
     * made at the same time apply one after the other instead of the last overwriting the others.
     */
    Optional<Product> findForUpdate(ClientId clientId, ProductId id);

    boolean delete(ClientId clientId, ProductId id);

    /** Newest first, ties broken by the higher id. */
    Page<Product> list(ClientId clientId, PageRequest page);

    /** The client's products imported from one provider account, by their external ids. */
    Map<String, Product> findBySource(ClientId clientId, String provider, String account,
            Collection<String> externalIds);
}
