package io.linehub.mqtt;

import java.time.Duration;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Consumer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's Paho MQTT 5 consumer, started with a client that connects after the callback is set, so no
 * message of a resumed session slips by unprocessed; on stop it disconnects the client it made.
 */
final class CallbackFirstMqttConsumer extends PahoMqtt5Consumer {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackFirstMqttConsumer.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);
    private static final long SHARE_QUIET_MS = 500;

    CallbackFirstMqttConsumer(CallbackFirstMqttEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        CallbackFirstMqttEndpoint endpoint = (CallbackFirstMqttEndpoint) getEndpoint();
        MqttClient client = endpoint.newCallbackFirstClient();
        setClient(client);
        try {
            super.doStart();
            subscribeOwnProbe(client, endpoint);
        } catch (IllegalStateException e) {
            closeQuietly(client);
            setClient(null);
            // the connect inside setCallback failed: report the MQTT cause, so the route controller retries
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception e) {
            closeQuietly(client);
            setClient(null);
            throw e;
        }
    }

    /**
     * A shared subscription ($share/group/filter) hands each watchdog probe to one hub of the group, often
     * not the hub that sent it, so its watchdog would see silence. A second, plain subscription to this
     * hub's own probe topic gives every hub its own probes (a copy that also arrives through the share is
     * only one more "heard"). Paho subscribes the $share filter as given: the broker splits the messages.
     */
    private void subscribeOwnProbe(MqttClient client, CallbackFirstMqttEndpoint endpoint) throws Exception {
        String routeId = getRouteId();
        if (!endpoint.getTopic().startsWith("$share/") || routeId == null) {
            return;
        }
        SubscriptionWatchdog watchdog = endpoint.getCamelContext().getRegistry()
                .lookupByNameAndType("subscriptionWatchdog", SubscriptionWatchdog.class);
        String probe = watchdog == null ? null : watchdog.probeTopic(routeId);
        if (probe != null) {
            client.subscribe(probe, endpoint.getConfiguration().getQos());
        }
    }

    /**
     * Camel stops consumers before in-flight exchanges finish; an exchange completing after the
     * disconnect could not send its ack and would be processed again. So: refuse new messages first
     * (unacknowledged, the broker keeps them for the session), let the current one finish and ack,
     * then disconnect.
     */
    @Override
    protected void doStop() throws Exception {
        MqttClient client = getClient();
        if (client != null && client.isConnected()) {
            leaveShare(client);
            client.setCallback(new RefusingCallback());
            awaitInflight();
        }
        super.doStop();
        closeQuietly(client);
    }

    /**
     * A shared subscription on a persistent session stays a member of the share while the hub is away, and
     * brokers such as Mosquitto keep handing it its turn of messages, queued until this client id returns.
     * A hub leaving cleanly therefore unsubscribes its share first and works what the broker had already
     * sent, so the rest of the group gets every later message. (A crashed hub cannot do this: its turn waits
     * in its session until a hub with the same id returns; see README, "More than one hub".)
     */
    private void leaveShare(MqttClient client) throws InterruptedException {
        String topic = ((CallbackFirstMqttEndpoint) getEndpoint()).getTopic();
        if (!topic.startsWith("$share/")) {
            return;
        }
        try {
            client.unsubscribe(topic);
        } catch (Exception e) {
            LOG.warn("leaving shared subscription {}: {}", topic, e.getMessage());
            return;
        }
        // messages sent before the UNSUBACK are still arriving: work them until a quiet moment
        awaitInflight();
        Thread.sleep(SHARE_QUIET_MS);
        awaitInflight();
    }

    private void awaitInflight() throws InterruptedException {
        String routeId = getRouteId();
        if (routeId == null) {
            return;
        }
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (getEndpoint().getCamelContext().getInflightRepository().size(routeId) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void closeQuietly(MqttClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (Exception e) {
            LOG.debug("closing MQTT client {}: {}", client.getClientId(), e.getMessage());
        }
    }
}
