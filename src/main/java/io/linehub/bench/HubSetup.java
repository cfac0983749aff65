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
    /** In {@link #extra}: the class-data-sharing archive is used (default, when current), ignored, or written. */
    static final String CDS = "bench.cds";
    static final String CDS_USE = "use";
    static final String CDS_OFF = "off";
    static final String CDS_WRITE = "write";

    static HubSetup h2(int serials, int receiverPort) {
        return new HubSetup(Database.H2, serials, receiverPort, Map.of());
    }
}
