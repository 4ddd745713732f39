package io.collections.application;

/** The caller is known but may not do this (a role that does not allow it, or a processing limit reached). */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message, null, false, false);
    }
}
