package io.collections.application;

/** The caller's {@code If-Match} names a version the entity no longer has. */
public final class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String message) {
        super(message, null, false, false);
    }
}
