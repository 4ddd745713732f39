package io.collections.adapter.providers.http;

import java.net.UnknownHostException;

/**
 * A user-given host resolved to, or is, an address fetchers must not reach (loopback, private, link-local,
 * metadata). An {@link java.io.IOException} so OkHttp carries it out of a connection attempt; never retried.
 */
public final class UnsafeAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    public UnsafeAddressException(String host) {
        super(host + " resolves to a loopback, private, link-local or metadata address, which imports may not reach"
                + " (set COLLECTIONS_ALLOW_PRIVATE_NETWORK=true for private deployments)");
    }
}
