package io.collections.adapter.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one fetch, all under the one retry policy: 429, 5xx, 408, dropped connections, timeouts and
 * whatever a {@link ResponseHandler} declares retryable are tried again, waiting for {@code Retry-After} when given,
 * else the provider's hint, else exponential backoff with jitter, within the attempts and total time of the
 * {@link RetryPolicy}; an attempt is cut where that total time ends. Anything else fails at once. Messages and logs
 * name the host and path only, and the account's secrets are scrubbed from any text a provider sent back.
 */
public final class ProviderSession {
    /** Lookups of a name before it counts as not existing. */
    private static final int UNRESOLVED_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ProviderSession.class);

    private final String provider;
    private final OkHttpClient client;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final List<String> secrets;
    private int retries;

    ProviderSession(String provider, OkHttpClient client, RetryPolicy policy, Sleeper sleeper, Clock clock,
            DoubleSupplier random, List<String> secrets) {
        this.provider = provider;
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** Retries made so far in this fetch, over all its requests. */
    public int retries() {
        return retries;
    }

    public String provider() {
        return provider;
    }

    /**
     * Sends the request until the handler accepts an answer or the budget is spent.
     *
     * @throws CatalogFetchException with the handler's reason, or UNAVAILABLE / TIMED_OUT when retries ran out
     */
    public <T> T call(Request request, ResponseHandler<T> handler) {
        return call(attempt -> request, handler);
    }

    /**
     * Like {@link #call(Request, ResponseHandler)}, but the request may change after the server strained (a 5xx,
     * a timeout or a dropped connection, not a rate limit): a fetcher then asks for a smaller page, since heavy
     * pages are what overloaded shops fail on. The handler sees the request actually sent as
     * {@code response.request()}.
     *
     * @param requests the request to send after so many strain failures of this call (0 for the first attempt)
     */
    public <T> T call(IntFunction<Request> requests, ResponseHandler<T> handler) {
        Instant start = clock.instant();
        int strains = 0;
        for (int attempt = 1; ; attempt++) {
            Request request = requests.apply(strains);
            String target = request.method() + " " + UrlText.withoutQuery(request.url());
            Outcome<T> outcome;
            Optional<Duration> retryAfter = Optional.empty();
            boolean timedOut = false;
            boolean strained = false;
            Call call = client.newCall(request);
            boundByBudget(call, policy.maxTotalTime().minus(Duration.between(start, clock.instant())));
            try (Response response = call.execute()) {
                strained = response.code() >= 500;
                if (response.isSuccessful()) {
                    outcome = handler.onSuccess(response);
                } else {
                    String body = response.peekBody(8 * 1024).string();
                    outcome = handler.onError(new ErrorResponse(response.code(), response.headers(), body));
                }
                retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
            } catch (UnsafeAddressException e) {
                throw new CatalogFetchException(provider, Reason.BAD_REQUEST, scrub(e.getMessage()));
            } catch (AnswerSizeLimit.AnswerTooLargeException e) {
                throw new CatalogFetchException(provider, Reason.UNAVAILABLE, e.getMessage() + " [" + target + "]");
            } catch (UnknownHostException e) {
                // The JDK says the same for a name that does not exist and for a resolver failing for a moment.
                if (attempt >= Math.min(UNRESOLVED_ATTEMPTS, policy.maxAttempts())) {
                    throw new CatalogFetchException(provider, Reason.NOT_FOUND, "the host " + request.url().host()
                            + " does not resolve; check the address");
                }
                outcome = Outcome.retry("the host " + request.url().host() + " did not resolve");
            } catch (IOException e) {
                timedOut = e instanceof SocketTimeoutException
                        || (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted());
                strained = !(e instanceof UnreadableAnswerException || e instanceof JsonProcessingException);
                outcome = Outcome.retry(describe(e, timedOut));
            }
            if (outcome instanceof Outcome.Done<T> done) {
                return done.value();
            }
            if (outcome instanceof Outcome.Fail<T> fail) {
                throw new CatalogFetchException(provider, fail.reason(), scrub(fail.message()) + " [" + target + "]");
            }
            Outcome.Retry<T> retry = (Outcome.Retry<T>) outcome;
            int tried = attempt;
            Duration wait = retryAfter.or(retry::hint)
                    .orElseGet(() -> policy.backoff(tried, random.getAsDouble()));
            Duration spent = Duration.between(start, clock.instant());
            String last = scrub(retry.why());
            if (attempt >= policy.maxAttempts()) {
                throw exhausted(timedOut, "kept failing after " + attempt + " attempts over " + seconds(spent)
                        + "; last: " + last + " [" + target + "]");
            }
            if (spent.plus(wait).compareTo(policy.maxTotalTime()) > 0) {
                throw exhausted(timedOut, "still failing after " + attempt + " attempts over " + seconds(spent)
                        + " and the next wait (" + seconds(wait) + ") would pass the retry budget of "
                        + seconds(policy.maxTotalTime()) + "; last: " + last + " [" + target + "]");
            }
            retries++;
            strains += strained ? 1 : 0;
            LOG.info("{}: {} answered {}; retry {} of {} in {}", provider, target, last, attempt,
                    policy.maxAttempts() - 1, seconds(wait));
            pause(wait);
        }
    }

    /**
     * Ends the attempt where the retry budget ends, when that comes before the client's own call timeout: a slow
     * provider must not hold one request past the budget (the read and call timeouts alone are longer). An attempt
     * cut this way times out like any other.
     */
    private static void boundByBudget(Call call, Duration remaining) {
        long nanos = Math.max(1, remaining.toNanos());
        Timeout timeout = call.timeout();
        if (timeout.timeoutNanos() == 0 || nanos < timeout.timeoutNanos()) {
            timeout.timeout(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private static String describe(IOException e, boolean timedOut) {
        if (timedOut) {
            return "timed out (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof UnreadableAnswerException) {
            return "an unreadable answer (" + e.getMessage() + ")";
        }
        if (e instanceof JsonProcessingException json) {
            return "an unreadable answer (" + UrlText.shorten(json.getOriginalMessage(), 120) + ")";
        }
        return "connection failed (" + e.getClass().getSimpleName() + ")";
    }

    private CatalogFetchException exhausted(boolean timedOut, String message) {
        return new CatalogFetchException(provider, timedOut ? Reason.TIMED_OUT : Reason.UNAVAILABLE, message);
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogFetchException(provider, Reason.UNAVAILABLE, "interrupted while waiting to retry");
        }
    }

    /** Removes the account's secrets from a text that came from the provider, in case it echoed one. */
    public String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
