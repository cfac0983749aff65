package io.linehub.relay;

import io.linehub.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The MQTT events relay's sender: a batch of events goes out as a stream of QoS 1 publishes, as many in
 * flight as the broker takes, and the batch counts as delivered once the broker has acknowledged every one.
 * Camel's Paho producer waits for each PUBACK before the next publish, one broker round trip per event:
 * that alone capped the events topic, and with it the outbox, at a few thousand events a second.
 * A failure fails the whole batch, which the relay sends again (repeats of the same eventIds); one
 * connection keeps the events of a batch in order at the broker.
 */
public final class MqttEventPublisher implements AutoCloseable {

    private static final long ACK_TIMEOUT_MS = 10_000;

    private final MqttConnection connection;
    private final String clientId;
    private final int maxInflight;
    private MqttAsyncClient client;
    private Semaphore inflight;
    private int permits;

    public MqttEventPublisher(MqttConnection connection, String clientId, int maxInflight) {
        this.connection = connection;
        this.clientId = clientId;
        this.maxInflight = maxInflight;
    }

    /** Publishes every message and returns when all are acknowledged; throws if any is not. */
    public synchronized void publish(List<OutboxRelay.TopicMessage> batch)
            throws MqttException, InterruptedException, TimeoutException {
        MqttAsyncClient c = connected();
        List<Throwable> failures = new ArrayList<>(1);
        MqttActionListener done = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                inflight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
                inflight.release();
            }
        };
        try {
            for (OutboxRelay.TopicMessage m : batch) {
                if (!inflight.tryAcquire(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    throw new TimeoutException("the broker acknowledged no event for " + ACK_TIMEOUT_MS + " ms");
                }
                MqttMessage message = new MqttMessage(m.payload().getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                try {
                    c.publish(m.topic(), message, null, done);
                } catch (MqttException e) {
                    inflight.release();
                    throw e;
                }
            }
            if (!inflight.tryAcquire(permits, ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("the broker did not acknowledge every event of the batch within "
                        + ACK_TIMEOUT_MS + " ms");
            }
            inflight.release(permits);
        } catch (MqttException | InterruptedException | TimeoutException e) {
            drop();
            throw e;
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                drop();
                Throwable first = failures.get(0);
                throw first instanceof MqttException me ? me : new MqttException(first);
            }
        }
    }

    private MqttAsyncClient connected() throws MqttException {
        if (client != null && client.isConnected()) {
            return client;
        }
        drop();
        MqttAsyncClient fresh = new MqttAsyncClient(connection.url(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        connection.applyTo(options);
        IMqttToken connected = fresh.connect(options);
        try {
            connected.waitForCompletion(ACK_TIMEOUT_MS);
        } catch (MqttException e) {
            fresh.close(true);
            throw e;
        }
        permits = MqttConnection.inflightLimit(connected, maxInflight);
        inflight = new Semaphore(permits);
        client = fresh;
        return fresh;
    }

    /** A client that failed is closed and made again for the retry: no state of the failed batch is kept. */
    private void drop() {
        MqttAsyncClient old = client;
        client = null;
        if (old == null) {
            return;
        }
        try {
            if (old.isConnected()) {
                old.disconnectForcibly(0, 1_000, false);
            }
            old.close(true);
        } catch (MqttException e) {
            // already gone: nothing to release
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
