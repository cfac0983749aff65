package io.linehub.ops;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote JMX for operators (JConsole, VisualVM, Hawtio): an RMI connector server on one host and port
 * (registry and connector share it) serving the platform MBean server, where Camel's and linehub's MBeans
 * live. Only with a user and password; credentials are the only objects the server deserializes before
 * login.
 *
 * <p>The RMI stub tells clients which host to call back; Java takes it from {@code java.rmi.server.hostname},
 * else from the machine's name, which may not be the bound interface. So that property is set to the
 * bound host when unset (it is JVM-wide, as with the JDK's own {@code com.sun.management.jmxremote}).
 */
public final class JmxRemoteServer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(JmxRemoteServer.class);
    private static final String RMI_HOSTNAME = "java.rmi.server.hostname";

    /** @param host the interface to listen on; 127.0.0.1 keeps JMX off the network */
    public record Settings(String host, int port, String user, String password) {

        public Settings {
            if (user == null || user.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("remote JMX needs a user and a password");
            }
        }

        public String url() {
            return "service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port + "/jmxrmi";
        }

        @Override
        public String toString() {
            return "JMX " + host + ":" + port + " (user " + user + ")";
        }
    }

    private final Settings settings;
    private Registry registry;
    private JMXConnectorServer server;

    public JmxRemoteServer(Settings settings) {
        this.settings = settings;
    }

    public String url() {
        return settings.url();
    }

    @Override
    protected void doStart() throws Exception {
        String configured = System.getProperty(RMI_HOSTNAME);
        if (configured == null) {
            System.setProperty(RMI_HOSTNAME, settings.host());
        } else if (!configured.equals(settings.host())) {
            LOG.warn("remote JMX: {} is {}, clients are sent there instead of {}", RMI_HOSTNAME, configured,
                    settings.host());
        }
        HostBoundServerSocketFactory sockets = new HostBoundServerSocketFactory(InetAddress.getByName(settings.host()));
        registry = LocateRegistry.createRegistry(settings.port(), null, sockets);
        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnectorServer.AUTHENTICATOR, new JmxPasswordAuthenticator(settings.user(), settings.password()));
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
        // before login, deserialize the credentials array and nothing else
        env.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, "java.lang.String;java.lang.String[];!*");
        server = JMXConnectorServerFactory.newJMXConnectorServer(new JMXServiceURL(settings.url()), env,
                ManagementFactory.getPlatformMBeanServer());
        try {
            server.start();
        } catch (Exception e) {
            unexportRegistry();
            throw e;
        }
        LOG.info("remote JMX listening on {}:{} ({}), login required", settings.host(), settings.port(), settings.url());
    }

    @Override
    protected void doStop() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            server = null;
            unexportRegistry();
        }
    }

    private void unexportRegistry() {
        if (registry == null) {
            return;
        }
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            LOG.debug("JMX registry already gone");
        }
        registry = null;
    }
}
