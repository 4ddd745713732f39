/**
 * Who a request speaks for: the {@link io.collections.adapter.http.auth.Authenticator} port, and its JWT
 * implementation (Nimbus JOSE+JWT) with the keys it verifies with and the signer that mints tokens.
 */
package io.collections.adapter.http.auth;
