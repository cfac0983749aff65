package io.linehub.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Publishes scans at QoS 1 to {@code {prefix}/{line}/scanner/{device}/scan}, cycling through three payload
 * shapes: the raw code, the JSON {@code {"data": code, "ts": ...}}, and the raw code ending in CR LF.
 */
final class MqttScanSink implements ScanSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String clientId;
    private final String topic;
    private MqttClient client;

    MqttScanSink(String url, String topicPrefix, String line, String device) {
        this.url = url;
        this.clientId = "linehub-sim-" + line + "-" + device;
        this.topic = topicPrefix + "/" + line + "/scanner/" + device + "/scan";
    }

    @Override
    public void connect() throws IOException {
        close();
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(2);
        // reconnecting is the simulator's job, so that it can log once per outage
        options.setAutomaticReconnect(false);
        try {
            // memory persistence: Paho's default file persistence litters the working directory
            MqttClient fresh = new MqttClient(url, clientId, new MemoryPersistence());
            fresh.setTimeToWait(5_000);
            try {
                fresh.connect(options);
            } catch (MqttException e) {
                fresh.close(true);
                throw e;
            }
            client = fresh;
        } catch (MqttException e) {
            throw new IOException("MQTT connect to " + url + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isConnected() {
        return client != null && client.isConnected();
    }

    @Override
    public void send(String code, long sequence, OffsetDateTime scannedAt) throws IOException {
        if (client == null) {
            throw new IOException("not connected to " + url);
        }
        try {
            client.publish(topic, payload(code, sequence, scannedAt), 1, false);
        } catch (MqttException e) {
            throw new IOException("MQTT publish to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    static byte[] payload(String code, long sequence, OffsetDateTime scannedAt) {
        switch ((int) (sequence % 3)) {
            case 1:
                return JSON.createObjectNode().put("data", code).put("ts", scannedAt.toString())
                        .toString().getBytes(StandardCharsets.UTF_8);
            case 2:
                return (code + "\r\n").getBytes(StandardCharsets.UTF_8);
            default:
                return code.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000, false);
            }
        } catch (MqttException ignored) {
            // the connection is already gone
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // nothing left to release
        }
        client = null;
    }

    @Override
    public String target() {
        return url + " (" + topic + ")";
    }
}
