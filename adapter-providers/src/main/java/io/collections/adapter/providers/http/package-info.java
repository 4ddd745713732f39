/**
 * Outbound HTTP shared by every fetcher: one OkHttp client, one retry policy, the error mapping and the guard
 * against server-side request forgery.
 *
 * <ul>
 *   <li>{@link io.collections.adapter.providers.http.OutboundHttp} holds the one {@code OkHttpClient}; tune it per
 *       provider with {@code client().newBuilder()} and start a fetch's requests with {@code session(...)}.</li>
 *   <li>{@link io.collections.adapter.providers.http.ProviderSession#call} sends a request under the
 *       {@link io.collections.adapter.providers.http.RetryPolicy}: 408, 429, 5xx, dropped connections, timeouts and
 *       unreadable bodies (throw {@link io.collections.adapter.providers.http.UnreadableAnswerException} from a
 *       handler for a wrong shape) are retried; a name that does not resolve is {@code NOT_FOUND} at once; the
 *       wait is {@code Retry-After} (seconds, fractional, or an HTTP date), else
 *       the provider's hint from {@link io.collections.adapter.providers.http.Outcome#retry(String,
 *       java.time.Duration)}, else exponential backoff with jitter; attempts and total time are bounded; out of
 *       budget ends in {@code UNAVAILABLE}, or {@code TIMED_OUT} when the last try timed out.</li>
 *   <li>{@code call(IntFunction<Request>, handler)} builds each attempt from the number of 5xx, timeouts and
 *       dropped connections so far, so a fetcher can ask for a smaller page from a straining server.</li>
 *   <li>A provider's {@link io.collections.adapter.providers.http.ResponseHandler} streams a 2xx body into a value
 *       and may still answer "retry" (Shopify's {@code THROTTLED} in a 200) or "fail"; its {@code onError} maps a
 *       non-2xx {@link io.collections.adapter.providers.http.ErrorResponse} (JSON or an HTML page) and defaults to
 *       {@link io.collections.adapter.providers.http.ErrorResponse#byStatus()}: 401/403 credentials rejected, 404
 *       not found, other 4xx bad request, never retried.</li>
 *   <li>{@link io.collections.adapter.providers.http.UserBaseUrl} checks a user-given {@code shop} or
 *       {@code store_url} up front; {@link io.collections.adapter.providers.http.GuardedDns} and
 *       {@link io.collections.adapter.providers.http.GuardedSocketFactory} refuse unsafe addresses when connecting,
 *       by {@link io.collections.adapter.providers.http.AddressPolicy}. Fixed hosts (Google, Algolia) go through the
 *       same guard, which they pass.</li>
 *   <li>Credentials travel in headers only; {@link io.collections.adapter.providers.http.UrlText} renders URLs
 *       without their query for messages and logs, and a session scrubs the account's secrets from any provider
 *       text.</li>
 * </ul>
 */
package io.collections.adapter.providers.http;
