package io.linehub.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded ActiveMQ Artemis broker that speaks MQTT 3.1.1 and 5 on one port, for demo mode and tests.
 *
 * <p>Open by default; optionally TLS on its one port and one account ({@link BrokerSecurity}), so that tests
 * can run the hub against a broker set up like production. In-memory by default; when persistent, MQTT
 * sessions and their queued QoS 1/2 messages are journalled under the data directory and survive a broker restart (the journal is not
 * fsynced: it survives a process restart, not a power loss, which is all a demo or fault test needs).
 *
 * <p>Artemis is chatty at INFO. The noisy loggers are {@code org.apache.activemq.artemis.core.server}
 * (AMQ221xxx start/stop banners), {@code org.apache.activemq.artemis.protocol.mqtt},
 * {@code org.apache.activemq.artemis.core.remoting} and the audit loggers {@code org.apache.activemq.audit.base},
 * {@code org.apache.activemq.audit.message} and {@code org.apache.activemq.audit.resource}; setting
 * {@code org.apache.activemq} to WARN in the log4j2 configuration quiets them all.
 */
public final class EmbeddedMqttBroker {

    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private static final String ACCEPTOR = "mqtt";

    private final String host;
    private final int port;
    private final boolean persistent;
    private final Path dataDir;
    private final BrokerSecurity security;
    private EmbeddedActiveMQ server;

    /** An in-memory broker on 127.0.0.1:{@code port}; port 0 picks a free port now. */
    public EmbeddedMqttBroker(int port) {
        this(DEFAULT_HOST, port, false, null);
    }

    /** A broker on 127.0.0.1:{@code port}; {@code dataDir} is required when {@code persistent}. */
    public EmbeddedMqttBroker(int port, boolean persistent, Path dataDir) {
        this(DEFAULT_HOST, port, persistent, dataDir);
    }

    public EmbeddedMqttBroker(String host, int port, boolean persistent, Path dataDir) {
        this(host, port, persistent, dataDir, BrokerSecurity.NONE);
    }

    /** An in-memory broker on 127.0.0.1:{@code port} that asks for TLS and/or an account. */
    public EmbeddedMqttBroker(int port, BrokerSecurity security) {
        this(DEFAULT_HOST, port, false, null, security);
    }

    public EmbeddedMqttBroker(String host, int port, boolean persistent, Path dataDir, BrokerSecurity security) {
        this.host = Objects.requireNonNull(host, "host");
        this.security = Objects.requireNonNull(security, "security");
        if (persistent && dataDir == null) {
            throw new IllegalArgumentException("a persistent broker needs a data directory");
        }
        this.port = port == 0 ? FreePort.find(host) : port;
        this.persistent = persistent;
        // even without persistence Artemis may page to disk under memory pressure: keep that out of the cwd
        this.dataDir = dataDir != null ? dataDir
                : Path.of(System.getProperty("java.io.tmpdir"), "linehub-artemis-" + this.port);
    }

    /**
     * Starts the broker; a no-op when already running.
     *
     * @throws PortInUseException when something else listens on the port (the caller may reuse that broker)
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        // Artemis only logs a failed acceptor bind and carries on, so check up front for a clear error
        assertPortFree();
        EmbeddedActiveMQ candidate = new EmbeddedActiveMQ().setConfiguration(configuration());
        if (security.authenticates()) {
            candidate.setSecurityManager(new SingleUserSecurityManager(security.user(), security.password()));
        }
        try {
            candidate.start();
        } catch (Exception e) {
            stopQuietly(candidate);
            throw new IllegalStateException("MQTT broker failed to start on " + url(), e);
        }
        Acceptor acceptor = candidate.getActiveMQServer().getRemotingService().getAcceptor(ACCEPTOR);
        if (acceptor == null || !acceptor.isStarted()) {
            stopQuietly(candidate);
            throw new PortInUseException("MQTT broker", host, port, null);
        }
        server = candidate;
        LOG.info("Embedded MQTT broker listening on {} ({}, {})", url(), persistent ? "persistent in " + dataDir : "in memory",
                security);
    }

    /** Stops the broker, closing client connections; a no-op when not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        stopQuietly(server);
        server = null;
        LOG.info("Embedded MQTT broker on {} stopped", url());
    }

    /**
     * Deletes the subscriptions of clients whose id contains {@code clientIdPart}, leaving their connections
     * open: the client believes it is subscribed and receives nothing (a zombie subscription, as a broker
     * fail-over or an operator's cleanup leaves behind). For fault tests.
     *
     * @return how many subscriptions were deleted
     */
    public synchronized int dropSubscriptions(String clientIdPart) throws Exception {
        if (server == null) {
            return 0;
        }
        var artemis = server.getActiveMQServer();
        List<org.apache.activemq.artemis.api.core.SimpleString> queues = artemis.getPostOffice().getAllBindings()
                .filter(b -> b instanceof org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding)
                .map(b -> b.getUniqueName()).filter(n -> n.toString().contains(clientIdPart)).toList();
        for (var queue : queues) {
            LOG.info("dropping subscription queue {}", queue);
            artemis.destroyQueue(queue, null, false, true);
        }
        return queues.size();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    /** The client URL, e.g. {@code tcp://127.0.0.1:1883}, or {@code ssl://...} with TLS. */
    public String url() {
        return (security.tls() ? "ssl://" : "tcp://") + host + ":" + port;
    }

    private Configuration configuration() {
        Configuration config = new ConfigurationImpl()
                .setName("linehub-mqtt-" + port)
                .setPersistenceEnabled(persistent)
                .setSecurityEnabled(security.authenticates())
                // with security on, Artemis still lets its internal cluster user in with the well-known
                // default password ("CHANGE ME!!"); nobody needs that user here, so nobody may know it
                .setClusterPassword(randomSecret())
                .setJMXManagementEnabled(false)
                // NIO journal: the default AIO journal needs libaio, which is not always installed
                .setJournalType(JournalType.NIO)
                .setJournalDatasync(false)
                .setJournalFileSize(2 * 1024 * 1024)
                .setJournalMinFiles(2)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                // the default 90% disk-usage guard blocks producers on a nearly full CI disk
                .setMaxDiskUsage(-1)
                .setCriticalAnalyzer(false)
                // without these Artemis warns (AMQ222165/6) for every MQTT subscription queue it creates
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("DLA"))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        // parameters as a map, not an acceptor URI: a keystore password may hold any character
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, host);
        params.put(TransportConstants.PORT_PROP_NAME, port);
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, "MQTT");
        if (security.tls()) {
            params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
            params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, security.keystore().toAbsolutePath().toString());
            params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, security.keystorePassword());
        }
        config.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, ACCEPTOR));
        return config;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private void assertPortFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new PortInUseException("MQTT broker", host, port, e);
        }
    }

    private static void stopQuietly(EmbeddedActiveMQ broker) {
        try {
            broker.stop();
        } catch (Exception e) {
            LOG.warn("Embedded MQTT broker did not stop cleanly: {}", e.toString());
        }
    }
}
