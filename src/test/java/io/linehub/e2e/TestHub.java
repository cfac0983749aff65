package io.linehub.e2e;

import io.linehub.Hub;
import io.linehub.HubMode;
import io.linehub.HubOptions;
import io.linehub.config.ConfigFolder;
import io.linehub.sim.FreePort;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.client.MqttClientException;

/**
 * A real hub (the shipped config/ and routes/) started against a test environment, with its own MQTT
 * topic prefix and client ids, restartable on the same database and broker session.
 */
final class TestHub implements AutoCloseable {

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Map<String, String> overrides = new HashMap<>();
    private final HubEnvironment env;
    private final int tcpPort = FreePort.find();
    private final int httpPort = FreePort.find();
    private final String dataDir = Path.of("target", "e2e", "data-" + id).toString();
    private Hub hub;
    private MqttClient publisher;

    private Path configDir = Path.of("config");

    TestHub(HubEnvironment env, String erpUrl, Map<String, String> extra) {
        this.env = env;
        overrides.put("linehub.hub-id", "t" + id);
        overrides.put("linehub.mqtt.url", env.mqttUrl());
        overrides.put("linehub.mqtt.embedded", "false");
        overrides.put("linehub.mqtt.prefix", prefix());
        overrides.put("linehub.mqtt.session-expiry", "600");
        overrides.put("linehub.db.url", env.dbUrl());
        overrides.put("linehub.db.user", env.dbUser());
        overrides.put("linehub.db.password", env.dbPassword());
        overrides.put("linehub.data.dir", dataDir);
        overrides.put("linehub.tcp.host", "127.0.0.1");
        overrides.put("linehub.tcp.port", String.valueOf(tcpPort));
        overrides.put("camel.server.host", "127.0.0.1");
        overrides.put("camel.server.port", String.valueOf(httpPort));
        overrides.put("camel.management.port", String.valueOf(httpPort));
        overrides.put("linehub.destination.erp.url", erpUrl);
        overrides.put("linehub.destination.wms.url", "");
        overrides.put("linehub.relay.poll-ms", "50");
        overrides.put("linehub.relay.backoff-initial-ms", "100");
        overrides.put("linehub.relay.backoff-max-ms", "1000");
        overrides.putAll(env.hubSettings());
        overrides.putAll(extra);
    }

    /** Runs the hub on a copy of config/ whose devices.yaml is the given text (printers on test ports). */
    TestHub withDevices(String devicesYaml) throws java.io.IOException {
        configDir = ConfigFolder.copyWithDevices(Path.of("config"), Path.of("target", "e2e", "config-" + id),
                devicesYaml);
        return this;
    }

    String hubId() {
        return "t" + id;
    }

    /** The hub's own MQTT prefix, or the one given in the extra settings (hubs of one cluster share one). */
    String prefix() {
        return overrides.getOrDefault("linehub.mqtt.prefix", "lh" + id);
    }

    void start() throws Exception {
        hub = Hub.start(new HubOptions(HubMode.RUN, configDir, overrides));
    }

    void stop() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    Hub hub() {
        return hub;
    }

    DataSource dataSource() {
        return hub.bean("hubDataSource", DataSource.class);
    }

    String dataDir() {
        return dataDir;
    }

    int tcpPort() {
        return tcpPort;
    }

    String httpUrl(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** GETs a path of the hub's HTTP API and answers the body (status 200 expected). */
    String httpGet(String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(httpUrl(path))).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** Publishes as a scanner would: QoS 1, to {prefix}/{line}/scanner/{device}/scan. */
    void publish(String line, String device, byte[] payload) throws Exception {
        if (publisher == null || !publisher.isConnected()) {
            connectPublisher();
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        String topic = prefix() + "/" + line + "/scanner/" + device + "/scan";
        try {
            publisher.publish(topic, message);
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                throw e;
            }
            // Paho v5 leaks its in-flight count (eclipse-paho/paho.mqtt.java#993); against Mosquitto's
            // receive maximum of 20 a long-lived client then refuses to publish: start a fresh one
            publisher.disconnectForcibly();
            publisher.close();
            connectPublisher();
            publisher.publish(topic, message);
        }
    }

    private void connectPublisher() throws MqttException {
        publisher = new MqttClient(env.mqttUrl(), "pub" + id, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        env.mqttClient().applyTo(options);
        publisher.connect(options);
    }

    void publish(String line, String device, String payload) throws Exception {
        publish(line, device, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes raw bytes on one new TCP connection, as a scanner would, and closes it. */
    void sendTcp(byte[] bytes) throws Exception {
        sendTcpFrom("127.0.0.1", bytes);
    }

    /**
     * As {@link #sendTcp}, from another local address (127.0.0.2 on Linux is loopback too, but another
     * scanner as far as the hub can tell).
     */
    void sendTcpFrom(String localAddress, byte[] bytes) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", tcpPort, java.net.InetAddress.getByName(localAddress), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** Puts a setting (e.g. the API token) before {@link #start}. */
    TestHub with(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    @Override
    public void close() throws Exception {
        if (publisher != null && publisher.isConnected()) {
            publisher.disconnect();
        }
        stop();
    }
}
