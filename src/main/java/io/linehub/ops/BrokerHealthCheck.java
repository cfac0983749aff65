package io.linehub.ops;

import io.linehub.mqtt.HubStatusPublisher;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness of the MQTT broker connection, as the hub's own status client sees it. */
public final class BrokerHealthCheck extends AbstractHealthCheck {

    private final HubStatusPublisher hubClient;

    public BrokerHealthCheck(HubStatusPublisher hubClient) {
        super("linehub", "mqtt-broker");
        this.hubClient = hubClient;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (hubClient.connected()) {
            builder.up();
        } else {
            builder.detail("reason", "not connected to the MQTT broker").down();
        }
    }
}
