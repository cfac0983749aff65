package io.linehub.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the performance table (or one of the benchmark's own ceilings): its name on the command
 * line, the target, and the figure that decides it ({@code headline} compared with {@code limit}).
 */
enum Scenario {
    MQTT_H2("mqtt-h2", "sustained MQTT QoS 1 -> ERP, zero loss, H2", ">= 20,000 scans/s", "throughput", 20_000, true),
    MQTT_PG("mqtt-pg", "the same on PostgreSQL", ">= 5,000 scans/s", "throughput", 5_000, true),
    LATENCY_1K("latency-1k", "latency scan -> event at 1,000 scans/s", "p99 <= 10 ms", "p99Ms", 10, false),
    LATENCY_10K("latency-10k", "latency at 10,000 scans/s", "p99 <= 50 ms", "p99Ms", 50, false),
    CPU_5K("cpu-5k", "hub CPU per scan at 5,000 scans/s", "<= 50 us", "hubCpuMicrosPerScan", 50, false),
    MEMORY_1M("memory-1m", "hub peak RSS, 1,000,000 serials, after a load run", "<= 512 MB", "hubPeakRssMb", 512,
            false),
    STARTUP("startup", "start to ready (health UP), embedded defaults", "<= 3 s", "readyMs", 3_000, false),
    TCP_200("tcp-200", "200 TCP connections x 50 scans/s", "no loss, p99 <= 20 ms", "p99Ms", 20, false),
    LABELS_10("labels-10", "labels to 10 simulated printers", ">= 500 labels/s", "labelsPerSecond", 500, true),
    CEILING_MQTT("ceiling-mqtt", "generator: MQTT QoS 1 publish, nobody consuming", "(own limit)", "perSecond", 0,
            true),
    CEILING_TCP("ceiling-tcp", "generator: 200 TCP connections into a sink", "(own limit)", "perSecond", 0, true),
    CEILING_RECEIVER("ceiling-receiver", "receiver: event POSTs straight to it", "(own limit)", "perSecond", 0, true);

    final String id;
    final String what;
    final String target;
    final String headline;
    final double limit;
    final boolean higherIsBetter;

    Scenario(String id, String what, String target, String headline, double limit, boolean higherIsBetter) {
        this.id = id;
        this.what = what;
        this.target = target;
        this.headline = headline;
        this.limit = limit;
        this.higherIsBetter = higherIsBetter;
    }

    static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** Met: the headline within the limit, and nothing lost where loss is counted. */
    boolean met(Map<String, Object> figures) {
        Object v = figures.get(headline);
        if (!(v instanceof Number n)) {
            return false;
        }
        boolean within = higherIsBetter ? n.doubleValue() >= limit : n.doubleValue() <= limit;
        Object lost = figures.get("lost");
        return within && (!(lost instanceof Number l) || l.doubleValue() == 0);
    }
}
