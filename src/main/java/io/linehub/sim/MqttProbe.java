package io.linehub.sim;

import io.linehub.mqtt.MqttCallbackAdapter;
import io.linehub.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** An MQTT 5 client that records every message arriving on its subscriptions, for tests and demo checks. */
public final class MqttProbe implements AutoCloseable {

    /** One arrived message; {@code payload} is a private copy. */
    public record Received(String topic, byte[] payload, int qos, Instant at) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final MqttConnectionOptions options = new MqttConnectionOptions();
    private final List<Received> received = new ArrayList<>();

    /** A clean-start probe: it sees only what arrives while it is connected. */
    public MqttProbe(String url, String clientId) {
        this(url, clientId, true, 0);
    }

    /**
     * A probe whose session may outlive its connection: with {@code cleanStart=false} and a session expiry
     * above zero, the broker queues QoS 1 messages for it while it is disconnected.
     */
    public MqttProbe(String url, String clientId, boolean cleanStart, long sessionExpirySeconds) {
        this(MqttConnection.plain(url), clientId, cleanStart, sessionExpirySeconds);
    }

    /** A clean-start probe on a broker that asks for TLS and/or a login. */
    public MqttProbe(MqttConnection connection, String clientId) {
        this(connection, clientId, true, 0);
    }

    private MqttProbe(MqttConnection connection, String clientId, boolean cleanStart, long sessionExpirySeconds) {
        String url = connection.url();
        connection.applyTo(options);
        try {
            // memory persistence: Paho's default file persistence litters the working directory
            client = new MqttClient(url, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create MQTT client for " + url, e);
        }
        client.setCallback(new Recorder());
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(sessionExpirySeconds);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
    }

    public MqttProbe connect() {
        try {
            client.connect(options);
            return this;
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect " + client.getClientId() + " to " + client.getServerURI(), e);
        }
    }

    public MqttProbe subscribe(String topicFilter, int qos) {
        try {
            IMqttToken token = client.subscribe(topicFilter, qos);
            int granted = token.getReasonCodes()[0];
            if (granted > 2) {
                throw new IllegalStateException("subscription to " + topicFilter + " refused with reason " + granted);
            }
            return this;
        } catch (MqttException e) {
            throw new IllegalStateException("cannot subscribe to " + topicFilter, e);
        }
    }

    public void publish(String topic, byte[] payload, int qos) {
        try {
            client.publish(topic, payload, qos, false);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Disconnects politely; the session stays on the broker if it was opened with an expiry. */
    public void disconnect() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
        } catch (MqttException e) {
            forceDisconnect();
        }
    }

    public synchronized List<Received> messages() {
        return List.copyOf(received);
    }

    public synchronized List<String> texts() {
        return received.stream().map(Received::text).toList();
    }

    public synchronized int count() {
        return received.size();
    }

    public synchronized void clear() {
        received.clear();
    }

    @Override
    public void close() {
        disconnect();
        try {
            client.close(true);
        } catch (MqttException e) {
            // closing a dead client has nothing left to release
        }
    }

    private void forceDisconnect() {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException ignored) {
            // already gone
        }
    }

    private synchronized void record(String topic, MqttMessage message) {
        received.add(new Received(topic, message.getPayload().clone(), message.getQos(), Instant.now()));
    }

    private final class Recorder extends MqttCallbackAdapter {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            record(topic, message);
        }
    }
}
