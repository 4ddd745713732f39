package io.collections.domain;

/** A catalog could not be pulled from a provider; the reason tells the caller what it can do about it. */
public final class CatalogFetchException extends DomainException {
    /** What went wrong, in terms a caller can act on. */
    public enum Reason {
        /** The provider refused the credentials (or their permissions). */
        CREDENTIALS_REJECTED,
        /** The shop, account or index does not exist at the provider. */
        NOT_FOUND,
        /** The request itself was refused (bad parameter, unsafe host). */
        BAD_REQUEST,
        /** The provider kept failing after every retry, or answered something unusable. */
        UNAVAILABLE,
        /** The provider was too slow within the time allowed. */
        TIMED_OUT
    }

    private final Reason reason;
    private final String provider;

    public CatalogFetchException(String provider, Reason reason, String message) {
        super(provider + ": " + message);
        this.provider = provider;
        this.reason = reason;
    }

    public CatalogFetchException(String provider, Reason reason, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String provider() {
        return provider;
    }
}
