package io.linehub.bench;

import java.util.Map;

/**
 * How a benchmark starts its hub: the database (fresh H2 file or a fresh PostgreSQL schema), the catalog
 * serials seeded before it starts (0 = none), the port of the benchmark's ERP receiver, and extra properties.
 */
record HubSetup(Database database, int serials, int receiverPort, Map<String, String> extra) {

    enum Database { H2, POSTGRES }

    /** In {@link #extra}: the hub runs its embedded broker even when BENCH_MQTT_URL names another one. */
    static final String EMBEDDED_BROKER = "linehub.mqtt.embedded";

    static HubSetup h2(int serials, int receiverPort) {
        return new HubSetup(Database.H2, serials, receiverPort, Map.of());
    }
}
