package io.linehub.bench;

import io.linehub.mqtt.MqttConnection;
import java.util.concurrent.Semaphore;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A load generator's MQTT publisher: QoS 1, at most N publishes awaiting their ack, so it never outruns Paho. */
final class FlowControlledPublisher implements AutoCloseable {

    private final MqttAsyncClient client;
    private final Semaphore inflight;
    private final int maxInflight;
    private final MqttActionListener release = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            inflight.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            inflight.release();
        }
    };

    FlowControlledPublisher(String url, String clientId, int maxInflight) throws MqttException {
        client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(65535);
        // no keep-alive pings: on a saturated machine a late PINGRESP dropped the connection mid-run (32104)
        options.setKeepAliveInterval(0);
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(10_000);
        this.maxInflight = MqttConnection.inflightLimit(connected, maxInflight);
        inflight = new Semaphore(this.maxInflight);
    }

    void publish(String topic, byte[] payload) throws MqttException, InterruptedException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        inflight.acquire();
        client.publish(topic, message, null, release);
    }

    /** Waits until the broker has acknowledged every publish so far. */
    void awaitAcks() throws InterruptedException {
        inflight.acquire(maxInflight);
        inflight.release(maxInflight);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
