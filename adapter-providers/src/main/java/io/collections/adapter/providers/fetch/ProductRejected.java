package io.collections.adapter.providers.fetch;

/**
 * Thrown while mapping one provider product that cannot be imported; {@link PageBuilder} catches it and counts the
 * product as skipped with {@link #reason()}. Carries no stack trace: it is an expected outcome, not a bug.
 */
public final class ProductRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProductRejected(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
