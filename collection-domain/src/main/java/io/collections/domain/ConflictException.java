package io.collections.domain;

import java.util.List;

/**
 * A change the current state does not allow, such as a refused status transition or an edit of an archived
 * collection; carries what is allowed instead.
 */
public final class ConflictException extends DomainException {
    private final List<String> allowed;

    public ConflictException(String message, List<String> allowed) {
        super(message);
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }
}
