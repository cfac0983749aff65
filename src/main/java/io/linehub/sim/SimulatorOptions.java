package io.linehub.sim;

import java.util.List;

/**
 * {@code [--host HOST] [--port PORT]} of the standalone simulator commands. The host defaults to loopback, so a
 * simulator started by hand on a plant machine is not reachable from the network; a container passes
 * {@code --host 0.0.0.0} because the hub reaches it over the container network.
 */
record SimulatorOptions(String host, int port) {

    static final String LOOPBACK = "127.0.0.1";

    static SimulatorOptions parse(List<String> args, int defaultPort) {
        String host = LOOPBACK;
        int port = defaultPort;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (i + 1 >= args.size() || !("--host".equals(arg) || "--port".equals(arg))) {
                throw new IllegalArgumentException("unknown or incomplete option: " + arg);
            }
            String value = args.get(++i);
            if ("--host".equals(arg)) {
                host = value;
            } else {
                port = port(value);
            }
        }
        return new SimulatorOptions(host, port);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("--port must be 0..65535, not '" + value + "'");
    }
}
