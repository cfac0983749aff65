package io.linehub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.linehub.sim.DemoCatalog;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.LatencyHistogram;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end benchmark of a running hub: publishes scans over MQTT QoS 1 (JSON with the send time as
 * {@code ts}), receives the events at its own HTTP receiver (the hub's ERP url must point at it) and
 * prints throughput, loss, duplicates, latency percentiles and, given the hub's pid, CPU per scan and
 * peak RSS. Latency = event received - scan timestamp, so both clocks are this machine's.
 */
public final class ScanBenchmark {

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings s = BenchSettings.parse(args);
        EventReceiver receiver = new EventReceiver(s.receiverPort(), "/erp/events", false);
        receiver.start();
        HubProcess hub = HubProcess.of(s.hubPid());
        FlowControlledPublisher client = new FlowControlledPublisher(s.mqttUrl(),
                "bench-" + ProcessHandle.current().pid(), s.maxInflight());

        String topic = s.prefix() + "/" + s.line() + "/scanner/" + s.device() + "/scan";
        if (s.warmup() > 0) {
            // JIT and pools warm up on the first scans; they are sent and drained, then not counted
            publish(client, topic, s, s.firstIndex(), s.warmup());
            receiver.awaitDistinct(s.warmup(), Duration.ofSeconds(s.drainSeconds()));
            receiver.clear();
        }
        long cpuBefore = hub.cpuNanos();
        long start = System.nanoTime();
        publish(client, topic, s, s.firstIndex() + s.warmup(), s.count());
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        boolean complete = receiver.awaitDistinct(s.count(), Duration.ofSeconds(s.drainSeconds()));
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        long cpuAfter = hub.cpuNanos();
        client.close();

        LatencyHistogram latency = receiver.latencyMicros();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scansSent", s.count());
        result.put("targetRate", s.rate() > 0 ? s.rate() : "flat out");
        result.put("publishRatePerSecond", round(s.count() / publishSeconds));
        result.put("eventsReceived", receiver.distinctCount());
        result.put("lost", s.count() - receiver.distinctCount());
        result.put("duplicates", receiver.duplicateCount());
        result.put("complete", complete);
        result.put("throughputPerSecond", round(receiver.distinctCount() / totalSeconds));
        result.put("latencyP50Ms", latency.percentile(50) / 1000.0);
        result.put("latencyP95Ms", latency.percentile(95) / 1000.0);
        result.put("latencyP99Ms", latency.percentile(99) / 1000.0);
        result.put("latencyMaxMs", latency.max() / 1000.0);
        if (hub.known()) {
            result.put("hubCpuMicrosPerScan", round((cpuAfter - cpuBefore) / 1000.0 / Math.max(1, s.count())));
            result.put("hubPeakRssMb", hub.peakRssKb() / 1024);
        }
        receiver.stop();
        BenchReport.print(result);
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        System.exit(complete ? 0 : 1);
    }

    private static void publish(FlowControlledPublisher client, String topic, BenchSettings s, int firstIndex,
                                int count) throws Exception {
        long start = System.nanoTime();
        long interval = s.rate() > 0 ? (long) (1e9 / s.rate()) : 0;
        int span = DemoCatalog.SERIALS - s.firstIndex();
        for (int i = 0; i < count; i++) {
            if (interval > 0) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            int index = s.firstIndex() + ((firstIndex - s.firstIndex() + i) % span);
            String code = DemoCatalog.goodCode(index).replace("\u001d", "\\u001d");
            String payload = "{\"data\":\"" + code + "\",\"ts\":\"" + Instant.now() + "\"}";
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
