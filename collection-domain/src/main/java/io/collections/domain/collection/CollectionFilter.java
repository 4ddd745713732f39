package io.collections.domain.collection;

/** Which collections a list shows: by status, and by a piece of the name (ignoring case, taken literally). */
public record CollectionFilter(CollectionStatus status, String nameContains) {
    public static final CollectionFilter ALL = new CollectionFilter(null, null);
}
