package io.collections.domain;

/** The installation-wide identity of a collection: an unsigned 64-bit integer, written as a decimal string. */
public record CollectionId(long value) implements Comparable<CollectionId> {
    public CollectionId {
        UnsignedIds.requireNonZero("id", value);
    }

    public static CollectionId parse(String text) {
        return new CollectionId(UnsignedIds.parse("collection id", text));
    }

    @Override
    public int compareTo(CollectionId other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return UnsignedIds.format(value);
    }
}
