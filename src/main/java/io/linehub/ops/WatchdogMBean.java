package io.linehub.ops;

/** The MQTT subscription watchdog in JMX (linehub:type=Watchdog). */
public interface WatchdogMBean {

    /** One line per watched route: "route-id: OK | SILENT | BROKER_UNREACHABLE | STOPPED". */
    String[] getStates();

    /** Routes restarted because their subscription had gone silent. */
    long getRestarts();

    /** When the last restart happened, or empty. */
    String getLastRestart();
}
