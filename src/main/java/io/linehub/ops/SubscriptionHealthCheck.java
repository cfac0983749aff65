package io.linehub.ops;

import io.linehub.mqtt.SubscriptionWatchdog;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the MQTT subscriptions: DOWN while a watched route is silent against a reachable broker
 * (the watchdog is restarting it) or the broker cannot be reached.
 */
public final class SubscriptionHealthCheck extends AbstractHealthCheck {

    private final SubscriptionWatchdog watchdog;

    public SubscriptionHealthCheck(SubscriptionWatchdog watchdog) {
        super("linehub", "mqtt-subscriptions");
        this.watchdog = watchdog;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Map<String, SubscriptionWatchdog.State> states = watchdog.states();
        states.forEach((route, state) -> builder.detail(route, state.name()));
        builder.detail("restarts", watchdog.restarts());
        boolean bad = states.values().stream().anyMatch(s -> s == SubscriptionWatchdog.State.SILENT
                || s == SubscriptionWatchdog.State.BROKER_UNREACHABLE);
        if (bad) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
