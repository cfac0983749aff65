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
     * Camel stops consumers before in-flight exchanges finish; an exchange completing after the
     * disconnect could not send its ack and would be processed again. So: refuse new messages first
     * (unacknowledged, the broker keeps them for the session), let the current one finish and ack,
     * then disconnect.
     */
    @Override
    protected void doStop() throws Exception {
        MqttClient client = getClient();
        if (client != null && client.isConnected()) {
            client.setCallback(new RefusingCallback());
            awaitInflight();
        }
        super.doStop();
        closeQuietly(client);
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
