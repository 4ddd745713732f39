package io.collections.adapter.providers.http;

import io.collections.domain.CatalogFetchException.Reason;
import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt of a request came to, as a provider's {@link ResponseHandler} judges it: a value, a reason to
 * try again (with the provider's own hint of how long to wait, if it gave one), or a failure not worth retrying.
 */
public sealed interface Outcome<T> {

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    /** Try again after the {@code Retry-After} header if any, else exponential backoff with jitter. */
    static <T> Outcome<T> retry(String why) {
        return new Retry<>(why, Optional.empty());
    }

    /** Try again; {@code hint} is the provider's own estimate (Shopify's throttle deficit over restore rate). */
    static <T> Outcome<T> retry(String why, Duration hint) {
        return new Retry<>(why, Optional.of(hint));
    }

    static <T> Outcome<T> fail(Reason reason, String message) {
        return new Fail<>(reason, message);
    }

    record Done<T>(T value) implements Outcome<T> {
    }

    record Retry<T>(String why, Optional<Duration> hint) implements Outcome<T> {
    }

    record Fail<T>(Reason reason, String message) implements Outcome<T> {
    }
}
