package io.collections.application;

import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import java.util.Objects;
import java.util.Set;

/** Who is asking: the user, the client (tenant) they act for, and their roles. Every use case takes one. */
public record Caller(ClientId clientId, UserId userId, Set<Role> roles) {
    public Caller {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
    }

    public static Caller of(String clientId, String userId, Role... roles) {
        return new Caller(new ClientId(clientId), new UserId(userId), Set.of(roles));
    }

    /** @throws AccessDeniedException when the caller has no role that reads */
    public void requireRead() {
        if (roles.isEmpty()) {
            throw new AccessDeniedException("a role is required: one of Owner, Admin, DataEditor, Viewer");
        }
    }

    /** @throws AccessDeniedException when no role of the caller writes */
    public void requireWrite() {
        requireRead();
        if (roles.stream().noneMatch(Role::mayWrite)) {
            throw new AccessDeniedException("this needs the Owner, Admin or DataEditor role; Viewer may only read");
        }
    }
}
