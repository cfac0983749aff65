package io.linehub.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Objects;

/**
 * RMI server sockets bound to one interface (127.0.0.1 by default) instead of all of them. Equal
 * instances let the RMI registry and the JMX connector share one port, so only one port is opened.
 */
final class HostBoundServerSocketFactory implements RMIServerSocketFactory {

    private final InetAddress address;

    HostBoundServerSocketFactory(InetAddress address) {
        this.address = address;
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new ServerSocket(port, 50, address);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostBoundServerSocketFactory f && f.address.equals(address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address);
    }
}
