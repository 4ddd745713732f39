package io.collections.adapter.http;

import io.collections.adapter.http.auth.Authenticator;
import io.collections.application.Caller;
import io.collections.application.Role;

/**
 * Lets every request in as one fixed Owner of client {@code demo}, user {@code developer}, whatever its
 * {@code Authorization} header says. For development only, until the JWT authenticator is wired in its place.
 */
public final class DevelopmentAuthenticator implements Authenticator {
    public static final Caller CALLER = Caller.of("demo", "developer", Role.OWNER);

    @Override
    public Caller authenticate(String authorizationHeader) {
        return CALLER;
    }
}
