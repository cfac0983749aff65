package io.linehub.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a currently free loopback TCP port, for servers that must know their port before they bind. */
public final class FreePort {

    private FreePort() {
    }

    /** A port free on 127.0.0.1 right now (another process may still take it before you bind). */
    public static int find() {
        return find(EmbeddedMqttBroker.DEFAULT_HOST);
    }

    public static int find(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
