package io.linehub.config;

import io.linehub.mqtt.MqttSocketFactory;
import io.linehub.sim.EmbeddedMqttBroker;
import io.linehub.sim.PortInUseException;
import java.net.URI;
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

    static void startIfEmbedded(CamelContext context, HubProperties props) throws Exception {
        if (!props.getBoolean("linehub.mqtt.embedded", true) || System.getenv("LINEHUB_MQTT_URL") != null) {
            return;
        }
        String configured = props.get("linehub.mqtt.url", "tcp://127.0.0.1:1883");
        if (MqttSocketFactory.isTls(configured)) {
            // the embedded broker speaks plain MQTT only: an ssl:// URL names a real broker
            LOG.info("embedded MQTT broker not started: {} is a TLS broker", configured);
            return;
        }
        URI url = URI.create(configured);
        String host = url.getHost() == null ? "127.0.0.1" : url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : 1883;
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(host, port, false, null);
        try {
            broker.start();
        } catch (PortInUseException e) {
            LOG.warn("embedded MQTT broker not started: {}:{} is in use; using the broker listening there",
                    host, port);
            return;
        }
        LOG.info("embedded MQTT broker listening on {}", broker.url());
        context.addService(new ClosingService("embeddedMqttBroker", broker::stop), true, true);
    }
}
