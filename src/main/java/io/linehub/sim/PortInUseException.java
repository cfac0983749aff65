package io.linehub.sim;

/** Thrown when a simulator server cannot start because something already listens on its port. */
public class PortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;

    public PortInUseException(String what, String host, int port, Throwable cause) {
        super(what + " cannot listen on " + host + ":" + port + ": the port is already in use", cause);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
