package io.collections.adapter.http.auth;

/**
 * The request does not prove who it comes from. The message says which check failed (missing, malformed, bad
 * signature, expired, not yet valid, wrong issuer or audience) and never contains the token or key material.
 */
public final class AuthenticationException extends RuntimeException {
    private final boolean credentialsMissing;

    /** A token was sent but does not pass a check. */
    public AuthenticationException(String message) {
        this(message, false);
    }

    private AuthenticationException(String message, boolean credentialsMissing) {
        super(message, null, false, false);
        this.credentialsMissing = credentialsMissing;
    }

    /** The request carries no credentials at all. */
    public static AuthenticationException missing(String message) {
        return new AuthenticationException(message, true);
    }

    /**
     * The {@code WWW-Authenticate} value of the 401 (RFC 6750 section 3): a bare {@code Bearer} challenge when no
     * credentials came, otherwise {@code invalid_token} with the message as its description.
     */
    public String challenge() {
        if (credentialsMissing) {
            return "Bearer";
        }
        return "Bearer error=\"invalid_token\", error_description=\"" + quotable(getMessage()) + "\"";
    }

    private static String quotable(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            // RFC 6750 allows %x20-21 / %x23-5B / %x5D-7E in error_description.
            if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
