package io.collections.adapter.http.auth;

/**
 * The request does not prove who it comes from. The message says which check failed (missing, malformed, bad
 * signature, expired, not yet valid, wrong issuer or audience) and never contains the token or key material.
 */
public final class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message, null, false, false);
    }
}
