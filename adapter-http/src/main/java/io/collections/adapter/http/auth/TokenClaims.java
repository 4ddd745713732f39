package io.collections.adapter.http.auth;

import io.collections.application.Role;
import io.collections.domain.ClientId;
import io.collections.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What a minted token says: who (sub), for which client, with which roles, from when until when, and for whom. */
public record TokenClaims(ClientId clientId, UserId subject, Set<Role> roles, Instant issuedAt, Instant expiresAt,
        Optional<String> issuer, Optional<String> audience) {
    public TokenClaims {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }
}
