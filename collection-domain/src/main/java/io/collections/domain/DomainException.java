package io.collections.domain;

/** A request the domain refused, carrying what was refused and why, so an adapter can answer precisely. */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, CatalogFetchException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
