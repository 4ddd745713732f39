package io.collections.domain;

/**
 * Hands out ids that are unique across the whole installation: every thread, every instance, every restart.
 */
public interface IdGenerator {
    long nextId();

    default CollectionId nextCollectionId() {
        return new CollectionId(nextId());
    }

    default ProductId nextProductId() {
        return new ProductId(nextId());
    }
}
