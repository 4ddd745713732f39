/**
 * The HTTP adapter: {@link io.collections.adapter.http.HttpApi} builds the Javalin app of the Collections API
 * from the use cases, an authenticator, the idempotency store, a clock, a health check and a meter registry.
 */
package io.collections.adapter.http;
