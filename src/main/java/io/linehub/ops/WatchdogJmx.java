package io.linehub.ops;

import io.linehub.mqtt.SubscriptionWatchdog;

/** The subscription watchdog as an operator sees it. */
public final class WatchdogJmx implements WatchdogMBean {

    private final SubscriptionWatchdog watchdog;

    public WatchdogJmx(SubscriptionWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public String[] getStates() {
        return watchdog.states().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new);
    }

    @Override
    public long getRestarts() {
        return watchdog.restarts();
    }

    @Override
    public String getLastRestart() {
        return watchdog.lastRestart() == null ? "" : watchdog.lastRestart().toString();
    }
}
