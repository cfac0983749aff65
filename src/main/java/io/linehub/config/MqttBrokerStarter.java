package io.linehub.config;

import io.linehub.mqtt.MqttSocketFactory;
import io.linehub.sim.EmbeddedMqttBroker;
import io.linehub.sim.PortInUseException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded MQTT broker of the contract's embedded defaults: only when no external broker
 * is named (LINEHUB_MQTT_URL) and {@code linehub.mqtt.embedded} is on. A port already in use means a
 * broker is there already; the hub then uses it and says so.
 */
final class MqttBrokerStarter {

    private static final Logger LOG = LoggerFactory.getLogger(MqttBrokerStarter.class);

    private MqttBrokerStarter() {
    }

    /**
     * Starts the broker on a thread of its own, so Artemis (about a second) starts while the database pool
     * opens and the schema migrates; {@link Starting#await} before the first MQTT client is made.
     */
    static Starting startIfEmbedded(CamelContext context, HubProperties props) throws Exception {
        if (!props.getBoolean("linehub.mqtt.embedded", true) || System.getenv("LINEHUB_MQTT_URL") != null) {
            return new Starting(null, null, null);
        }
        String configured = props.get("linehub.mqtt.url", "tcp://127.0.0.1:1883");
        if (MqttSocketFactory.isTls(configured)) {
            // the embedded broker speaks plain MQTT only: an ssl:// URL names a real broker
            LOG.info("embedded MQTT broker not started: {} is a TLS broker", configured);
            return new Starting(null, null, null);
        }
        URI url = URI.create(configured);
        String host = url.getHost() == null ? "127.0.0.1" : url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : 1883;
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(host, port, false, null);
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                broker.start();
                started.complete(true);
            } catch (PortInUseException e) {
                started.complete(false);
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "linehub-broker-start");
        t.setDaemon(true);
        t.start();
        Starting starting = new Starting(broker, started, host + ":" + port);
        // registered at once: a start that fails later (database unreachable) still stops the broker
        context.addService(new ClosingService("embeddedMqttBroker", starting::stop), true, true);
        return starting;
    }

    /** The embedded broker on its way up; all null when none is started. */
    record Starting(EmbeddedMqttBroker broker, CompletableFuture<Boolean> started, String address) {

        /** Waits for the broker; a start failure other than a port in use fails the hub's start. */
        void await() throws Exception {
            if (started == null) {
                return;
            }
            boolean up;
            try {
                up = started.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            if (up) {
                LOG.info("embedded MQTT broker listening on {}", broker.url());
            } else {
                LOG.warn("embedded MQTT broker not started: {} is in use; using the broker listening there", address);
            }
        }

        void stop() {
            if (started == null) {
                return;
            }
            try {
                if (started.get(30, TimeUnit.SECONDS)) {
                    broker.stop();
                }
            } catch (Exception e) {
                LOG.debug("embedded MQTT broker: {}", e.toString());
            }
        }
    }
}
