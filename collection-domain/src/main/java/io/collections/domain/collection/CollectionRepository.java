package io.collections.domain.collection;

import io.collections.domain.ClientId;
import io.collections.domain.CollectionId;
import io.collections.domain.Page;
import io.collections.domain.PageRequest;
import io.collections.domain.ProductId;
import io.collections.domain.product.Product;
import java.util.List;
import java.util.Optional;

/**
 * Where collections and their memberships are kept. Every method is scoped to one client and runs inside the
 * caller's transaction; after each write the stored {@code product_count} equals the number of members.
 */
public interface CollectionRepository {

    void insert(ProductCollection collection);

    /**
     * Stores a changed collection if the stored one still has {@code expectedVersion}.
     *
     * @return false when someone else changed (or deleted) it meanwhile
     */
    boolean update(ProductCollection collection, long expectedVersion);

    Optional<ProductCollection> find(ClientId clientId, CollectionId id);

    /**
     * Like {@link #find}, and holds the collection's row until the transaction ends, so that changes of one
     * collection made at the same time apply one after the other instead of failing on the version.
     */
    Optional<ProductCollection> findForUpdate(ClientId clientId, CollectionId id);

    /** Deletes the collection and its memberships, never the products. */
    boolean delete(ClientId clientId, CollectionId id);

    /** Newest first, ties broken by the higher id. */
    Page<ProductCollection> list(ClientId clientId, CollectionFilter filter, PageRequest page);

    boolean nameExists(ClientId clientId, String name);

    /**
     * Holds the client's collection names until the transaction ends, so that a name found unused by
     * {@link #nameExists} stays unused until this transaction has committed its own collection with it: another
     * transaction holding them waits. Taken only by writers that pick a name for the client.
     */
    void holdNames(ClientId clientId);

    MemberState memberState(ClientId clientId, CollectionId collectionId, ProductId productId);

    /** Records how a product stands with a collection, and keeps the collection's count exact. */
    void saveMemberState(ClientId clientId, CollectionId collectionId, ProductId productId, MemberState state);

    /** Adds many products by hand at once, in the given order (as an import does). */
    void addMembers(ClientId clientId, CollectionId collectionId, List<ProductId> productIds);

    /** Re-evaluates the collection's rules over the client's whole catalog after its rules changed. */
    void refreshRuleMatches(ProductCollection collection);

    /** Re-evaluates these products, just created or changed, against every rule collection of the client. */
    void refreshMemberships(ClientId clientId, List<Product> products);

    /**
     * Takes now, before the products' own rows are held, the locks that {@link #refreshMemberships} of these
     * products (as they are about to be written) will take: an import holds the count rows of its earlier pages while
     * it updates the products of later ones, so a writer that held a product row and then waited for such a count
     * row would deadlock with it. An adapter whose transactions cannot deadlock needs to do nothing.
     */
    default void lockMemberships(ClientId clientId, List<Product> products) {
    }

    /** Drops every membership of these products, which are being deleted. */
    void forgetProducts(ClientId clientId, List<ProductId> productIds);

    /** The members, in the collection's sort order, with the tie-break on product id. */
    Page<Product> members(ProductCollection collection, PageRequest page);

    /**
     * Whether any of the client's collections has rules. When none has, {@link #refreshMemberships} has nothing to
     * do, and a bulk writer may skip it.
     */
    default boolean hasRuleCollections(ClientId clientId) {
        return true;
    }

    /**
     * Adds by hand, in the given order, products created in the caller's transaction: they are in no collection
     * yet, so nothing needs to be read back. The bulk path of an import; any other product goes through
     * {@link #addMembers}.
     */
    default void addNewMembers(ClientId clientId, CollectionId collectionId, List<ProductId> newProductIds) {
        addMembers(clientId, collectionId, newProductIds);
    }
}
