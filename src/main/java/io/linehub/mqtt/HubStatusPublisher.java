package io.linehub.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the retained hub status topic true: {@code online} while connected, {@code offline} on a clean
 * stop, and {@code offline} as the last will, which the broker publishes when the hub dies or its
 * connection drops. A broker that is down at start is retried in the background, never blocking start.
 */
public final class HubStatusPublisher extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HubStatusPublisher.class);
    private static final long RETRY_SECONDS = 5;

    private final MqttConnection connection;
    private final String clientId;
    private final String topic;
    private final int maxReconnectDelayMs;
    private ScheduledExecutorService retries;
    private MqttAsyncClient client;

    /**
     * @param maxReconnectDelayMs the longest pause between reconnect attempts after the broker went away, as for
     *                            the hub's consumers: Paho's own default (128 s) left this connection, and with it
     *                            the watchdog's probes, down for up to a minute after a 30 s broker restart
     */
    public HubStatusPublisher(MqttConnection connection, String clientId, String topic, int maxReconnectDelayMs) {
        this.maxReconnectDelayMs = maxReconnectDelayMs;
        this.connection = connection;
        this.clientId = clientId;
        this.topic = topic;
    }

    @Override
    protected void doStart() throws Exception {
        client = new MqttAsyncClient(connection.url(), clientId, new MemoryPersistence());
        client.setCallback(new Announcer());
        retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linehub-hub-status");
            t.setDaemon(true);
            return t;
        });
        retries.execute(this::connect);
    }

    private void connect() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(maxReconnectDelayMs);
        MqttMessage will = message("offline");
        options.setWill(topic, will);
        connection.applyTo(options);
        try {
            client.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            LOG.warn("hub status: broker {} not reachable ({}); retrying every {} s", connection.url(), e.getMessage(),
                    RETRY_SECONDS);
            if (!retries.isShutdown()) {
                retries.schedule(this::connect, RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        retries.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(topic, message("offline")).waitForCompletion(2_000);
                client.disconnect().waitForCompletion(2_000);
            }
            client.close();
        } catch (MqttException e) {
            LOG.debug("hub status stop: {}", e.getMessage());
        }
    }

    /** Whether the hub's own connection to the broker is up now. */
    public boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /**
     * Publishes on the hub's own connection (QoS 0, not retained), for probes.
     *
     * @return false when the broker is not reachable now
     */
    public boolean publish(String probeTopic, byte[] payload) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            return false;
        }
        try {
            c.publish(probeTopic, payload, 0, false).waitForCompletion(2_000);
            return true;
        } catch (MqttException e) {
            LOG.debug("probe on {} not published: {}", probeTopic, e.getMessage());
            return false;
        }
    }

    private static MqttMessage message(String text) {
        MqttMessage m = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(true);
        return m;
    }

    /** Announces online on every (re)connect: the will may have said offline in between. */
    private final class Announcer extends MqttCallbackAdapter {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                client.publish(topic, message("online"));
            } catch (MqttException e) {
                LOG.warn("hub status: could not publish online: {}", e.getMessage());
            }
        }
    }
}
