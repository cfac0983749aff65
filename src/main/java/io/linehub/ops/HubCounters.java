package io.linehub.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of what the hub did, for the console summary, JMX and metrics. */
public final class HubCounters {

    private final LongAdder scans = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder casesPacked = new LongAdder();
    private final Map<String, LongAdder> rejectedByReason = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> deliveredByDestination = new ConcurrentHashMap<>();

    public void scanReceived(String line) {
        scans.increment();
    }

    public void accepted(String line) {
        accepted.increment();
    }

    public void casePacked(String line) {
        casesPacked.increment();
    }

    public long casesPacked() {
        return casesPacked.sum();
    }

    public void rejected(String line, String reason) {
        rejectedByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public void delivered(String destination, int events) {
        deliveredByDestination.computeIfAbsent(destination, d -> new LongAdder()).add(events);
    }

    public long scans() {
        return scans.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new TreeMap<>();
        rejectedByReason.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public Map<String, Long> deliveredByDestination() {
        Map<String, Long> out = new TreeMap<>();
        deliveredByDestination.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
