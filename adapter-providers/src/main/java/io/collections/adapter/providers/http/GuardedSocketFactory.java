package io.collections.adapter.providers.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Plain sockets that refuse to connect to an address that is not public. OkHttp connects to address literals
 * without asking its {@link okhttp3.Dns}, so this is the last check, on the very address being connected to.
 */
public final class GuardedSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private static Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new GuardedSocket();
        socket.connect(address);
        return socket;
    }

    /** A socket that checks its remote address before connecting. */
    private static final class GuardedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet
                    && (inet.getAddress() == null || !AddressPolicy.isPublic(inet.getAddress()))) {
                close();
                throw new UnsafeAddressException(inet.getHostString());
            }
            super.connect(endpoint, timeout);
        }
    }
}
