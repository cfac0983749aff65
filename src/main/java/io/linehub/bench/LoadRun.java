package io.linehub.bench;

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
 * Drives a running hub with scans at a fixed rate or flat out and measures, at the benchmark's own ERP receiver,
 * throughput, loss, duplicates and latency (event received - {@code ts} in the scan, one clock), plus hub CPU per
 * scan and peak RSS from /proc.
 */
final class LoadRun {

    private LoadRun() {
    }

    static Map<String, Object> run(ScanSender sender, EventReceiver receiver, HubProcess hub, LoadSpec spec)
            throws Exception {
        if (spec.warmup() > 0) {
            // JIT and pools warm up on the first scans; they are sent and drained, then not counted
            send(sender, spec, 0, spec.warmup());
            if (!receiver.awaitDistinct(spec.warmup(), Duration.ofSeconds(spec.drainSeconds()))) {
                throw new IllegalStateException("warm-up not drained: " + receiver.distinctCount() + " of "
                        + spec.warmup() + " events within " + spec.drainSeconds() + " s");
            }
            receiver.clear();
        }
        long cpuBefore = hub.cpuNanos();
        long start = System.nanoTime();
        send(sender, spec, spec.warmup(), spec.count());
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        boolean complete = receiver.awaitDistinct(spec.count(), Duration.ofSeconds(spec.drainSeconds()));
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        long cpuAfter = hub.cpuNanos();

        LatencyHistogram latency = receiver.latencyMicros();
        long received = receiver.distinctCount();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("targetRate", spec.rate() > 0 ? spec.rate() : "flat out");
        r.put("sent", spec.count());
        r.put("sendRate", round(spec.count() / sendSeconds));
        r.put("received", received);
        r.put("lost", spec.count() - Math.min(received, spec.count()));
        r.put("duplicates", receiver.duplicateCount());
        r.put("complete", complete);
        r.put("throughput", round(received / totalSeconds));
        r.put("p50Ms", latency.percentile(50) / 1000.0);
        r.put("p95Ms", latency.percentile(95) / 1000.0);
        r.put("p99Ms", latency.percentile(99) / 1000.0);
        r.put("maxMs", latency.max() / 1000.0);
        if (hub.known()) {
            r.put("hubCpuMicrosPerScan", round((cpuAfter - cpuBefore) / 1000.0 / Math.max(1, spec.count())));
            r.put("hubPeakRssMb", hub.peakRssKb() / 1024);
        }
        return r;
    }

    /** Sends scans {@code first .. first+count-1} paced at the spec's rate; returns when all are flushed. */
    static void send(ScanSender sender, LoadSpec spec, int first, int count) throws Exception {
        long start = System.nanoTime();
        long interval = spec.rate() > 0 ? (long) (1e9 / spec.rate()) : 0;
        for (int i = 0; i < count; i++) {
            if (interval > 0) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            sender.send(first + i, payload((first + i) % spec.serials()));
        }
        sender.flush();
    }

    /** The scanner payload of the contract: JSON with the barcode and the send time as {@code ts}. */
    static byte[] payload(int serialIndex) {
        String code = DemoCatalog.goodCode(serialIndex).replace("\u001d", "\\u001d");
        return ("{\"data\":\"" + code + "\",\"ts\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
