package io.collections.domain;

/**
 * One page of a list: at most {@code limit} items after the opaque {@code cursor} handed out with the previous
 * page (null for the first page).
 */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 1024)) {
            throw new InvalidInputException("cursor", "is not a cursor this server handed out");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
