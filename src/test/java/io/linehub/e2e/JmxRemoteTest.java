package io.linehub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.FreePort;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Remote JMX as an operator's JConsole would use it: no login or a wrong one is refused, the right one
 * reads Camel's MBeans; it listens on loopback only; and a port without a login stops the start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JmxRemoteTest {

    private static final String USER = "ops";
    private static final String PASSWORD = "jmx-" + java.util.UUID.randomUUID();

    private final int port = FreePort.find();
    private HubEnvironment env;
    private TestHub hub;
    private JMXServiceURL url;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        hub = new TestHub(env, "", Map.of("linehub.jmx.remote-port", String.valueOf(port),
                "linehub.jmx.user", USER, "linehub.jmx.password", PASSWORD));
        hub.start();
        url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        env.close();
    }

    private JMXConnector connect(String user, String password) throws IOException {
        Map<String, Object> credentials = new HashMap<>();
        if (user != null) {
            credentials.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        }
        return JMXConnectorFactory.connect(url, credentials);
    }

    @Test
    void should_refuse_a_client_without_credentials() {
        assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url), "no credentials");
        assertThrows(SecurityException.class, () -> connect(null, null), "empty environment");
    }

    @Test
    void should_refuse_a_wrong_password_or_user() {
        assertThrows(SecurityException.class, () -> connect(USER, "wrong"), "wrong password");
        assertThrows(SecurityException.class, () -> connect(USER, PASSWORD + "x"), "password plus a character");
        assertThrows(SecurityException.class, () -> connect("admin", PASSWORD), "wrong user");
        assertThrows(SecurityException.class, () -> connect(USER, ""), "empty password");
    }

    @Test
    void should_let_the_operator_read_camel_mbeans() throws Exception {
        try (JMXConnector connector = connect(USER, PASSWORD)) {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            Set<ObjectName> contexts = mbeans.queryNames(new ObjectName("org.apache.camel:type=context,*"), null);
            ObjectName expected = new ObjectName("org.apache.camel:context=linehub,type=context,name=\"linehub\"");
            assertTrue(contexts.contains(expected), "the Camel context MBean is " + expected + ": " + contexts);
            assertEquals("linehub", mbeans.getAttribute(expected, "CamelId"), "readable attribute CamelId");
            assertEquals("Started", mbeans.getAttribute(expected, "State"), "readable attribute State");
            ObjectName route = new ObjectName("org.apache.camel:context=linehub,type=routes,name=\"scan-in-tcp\"");
            assertEquals("scan-in-tcp", mbeans.getAttribute(route, "RouteId"), "route MBeans too");
        }
    }

    @Test
    void should_listen_on_loopback_only() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        if (external.isEmpty()) {
            return; // a machine without a non-loopback IPv4 address has nothing to show here
        }
        try (Socket socket = new Socket()) {
            assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress(external.get(), port), 2000),
                    "the JMX port is closed on " + external.get());
        }
    }

    @Test
    void should_refuse_to_start_with_a_port_but_no_login() throws Exception {
        try (HubEnvironment other = new EmbeddedEnvironment();
             TestHub open = new TestHub(other, "", Map.of("linehub.jmx.remote-port", String.valueOf(FreePort.find()),
                     "linehub.jmx.user", USER))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, open::start, "no password, no start");
            assertTrue(e.getMessage().contains("LINEHUB_JMX_PASSWORD"), "names the variable: " + e.getMessage());
        }
    }
}
