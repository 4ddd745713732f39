package io.collections.adapter.providers.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves names through a delegate and refuses the whole answer when any address in it is not public. OkHttp asks
 * it on every new connection, so a name that changes its answer after the URL was checked (DNS rebinding) is still
 * refused at connect time.
 */
public final class GuardedDns implements Dns {
    private final Dns delegate;

    public GuardedDns(Dns delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        InetAddress literal = AddressPolicy.literal(hostname);
        List<InetAddress> addresses = literal != null ? List.of(literal) : delegate.lookup(hostname);
        for (InetAddress address : addresses) {
            if (!AddressPolicy.isPublic(address)) {
                throw new UnsafeAddressException(hostname);
            }
        }
        return addresses;
    }
}
