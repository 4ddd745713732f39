package io.collections.adapter.http;

import io.collections.adapter.http.auth.AuthenticationException;
import io.collections.adapter.http.auth.Authenticator;
import io.collections.application.Caller;
import io.collections.application.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code Authorization: Bearer test:<client>:<user>:<Role,Role>}, so tests can be anyone. */
final class TestAuthenticator implements Authenticator {
    @Override
    public Caller authenticate(String header) {
        if (header == null) {
            throw new AuthenticationException("the Authorization header is missing");
        }
        if (!header.startsWith("Bearer test:")) {
            throw new AuthenticationException("the token is malformed");
        }
        String[] parts = header.substring("Bearer test:".length()).split(":", -1);
        if (parts.length != 3) {
            throw new AuthenticationException("the token is malformed");
        }
        Set<Role> roles = parts[2].isEmpty() ? Set.of() : Arrays.stream(parts[2].split(","))
                .map(name -> Role.fromClaim(name).orElseThrow(() -> new AuthenticationException("unknown role")))
                .collect(Collectors.toSet());
        return new Caller(new io.collections.domain.ClientId(parts[0]), new io.collections.domain.UserId(parts[1]),
                roles);
    }

    static String token(String client, String user, String roles) {
        return "Bearer test:" + client + ":" + user + ":" + roles;
    }
}
