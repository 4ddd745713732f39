package io.collections.adapter.http.auth;

import io.collections.application.Caller;

/** Turns the value of a request's {@code Authorization} header into the caller it speaks for. */
public interface Authenticator {
    /**
     * @param authorizationHeader the header's value, or null when the request has none
     * @throws AuthenticationException when the header is missing, malformed, badly signed, expired or not yet valid
     */
    Caller authenticate(String authorizationHeader);
}
