package io.linehub.config;

import io.linehub.api.ApiTokenPolicy;
import io.linehub.mqtt.MqttConnection;
import io.linehub.mqtt.MqttSocketFactory;
import io.linehub.ops.JmxRemoteServer;
import io.linehub.ops.LogThrottle;
import io.linehub.scan.Device;
import io.linehub.scan.DeviceRegistry;
import io.linehub.scan.TcpAllowList;
import io.linehub.scan.TcpAllowListHandler;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javax.net.SocketFactory;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the ways in and their locks: the MQTT connection (TLS, account), the TCP listener's allow-list,
 * the token for mutating HTTP calls and remote JMX. Each setting that production needs and lacks stops
 * the start with the environment variable to set, rather than running open.
 */
final class SecurityBeans {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityBeans.class);

    private SecurityBeans() {
    }

    /** Binds {@code hubMqttSocketFactory} (the routes' {@code socketFactory}) and answers the connection. */
    static MqttConnection mqtt(CamelContext context, HubProperties props) {
        String url = props.require("linehub.mqtt.url", "LINEHUB_MQTT_URL");
        String truststore = props.get("linehub.mqtt.truststore", "");
        boolean tls = MqttSocketFactory.isTls(url);
        if (!tls && !truststore.isEmpty()) {
            LOG.warn("linehub.mqtt.truststore is set, but {} is not ssl://: the MQTT connection is not encrypted", url);
        }
        SocketFactory sockets = MqttSocketFactory.forBroker(url, truststore.isEmpty() ? null : Path.of(truststore),
                props.get("linehub.mqtt.truststore-password", "").toCharArray());
        context.getRegistry().bind("hubMqttSocketFactory", sockets);
        MqttConnection connection = new MqttConnection(url, props.get("linehub.mqtt.username"),
                props.get("linehub.mqtt.password"), sockets);
        if (connection.hasUser() && !tls && !isLoopback(url)) {
            LOG.warn("the MQTT password travels to {} in clear text: use an ssl:// URL", url);
        }
        LOG.info("MQTT broker {} ({}, {})", url, tls ? "TLS" + (truststore.isEmpty() ? ", JVM truststore"
                : ", truststore " + truststore) : "plain", connection.hasUser() ? "user " + connection.userName()
                : "no login");
        return connection;
    }

    /** Binds {@code tcpAllowList}, the first decoder of the TCP scanner listener. */
    static void tcpAllowList(CamelContext context, HubProperties props, DeviceRegistry devices) {
        List<String> scannerAddresses = devices.all().stream()
                .filter(d -> d.isScanner() && "tcp".equals(d.transport()) && d.address() != null)
                .map(Device::address).toList();
        TcpAllowList allowList = TcpAllowList.parse(props.get("linehub.tcp.allow", ""), scannerAddresses);
        context.getRegistry().bind("tcpAllowList", new TcpAllowListHandler(allowList, LogThrottle.perMinute()));
        LOG.info("TCP scanner listener accepts connections from {}", allowList);
    }

    /** Guards mutating HTTP calls when required (prod) or whenever a token is configured. */
    static void apiToken(CamelContext context, HubProperties props) {
        boolean required = props.getBoolean("linehub.http.token-required", false);
        String token = required ? props.require("linehub.api.token", "LINEHUB_API_TOKEN")
                : props.get("linehub.api.token", "");
        if (token.isEmpty()) {
            LOG.info("HTTP: mutating calls need no token (linehub.http.token-required=false, no LINEHUB_API_TOKEN)");
            return;
        }
        if (token.length() < 16) {
            LOG.warn("LINEHUB_API_TOKEN has only {} characters; use a long random one (e.g. openssl rand -hex 32)",
                    token.length());
        }
        ApiTokenPolicy policy = new ApiTokenPolicy(token, LogThrottle.perMinute());
        context.addRoutePolicyFactory(policy);
        context.getRegistry().bind("apiTokenPolicy", policy);
        LOG.info("HTTP: POST, PUT, PATCH and DELETE need Authorization: Bearer <LINEHUB_API_TOKEN>");
    }

    /** Starts remote JMX with the context when a port is set; without one there is none. */
    static void jmx(CamelContext context, HubProperties props) throws Exception {
        String port = props.get("linehub.jmx.remote-port", "");
        if (port.isEmpty()) {
            return;
        }
        JmxRemoteServer.Settings settings = new JmxRemoteServer.Settings(props.get("linehub.jmx.host", "127.0.0.1"),
                props.getInt("linehub.jmx.remote-port", 0), props.require("linehub.jmx.user", "LINEHUB_JMX_USER"),
                props.require("linehub.jmx.password", "LINEHUB_JMX_PASSWORD"));
        JmxRemoteServer server = new JmxRemoteServer(settings);
        context.getRegistry().bind("jmxRemoteServer", server);
        context.addService(server, true, true);
    }

    private static boolean isLoopback(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
