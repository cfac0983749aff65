package io.linehub.ops;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/** What one scanner or reader sent since the hub started; counted on the scan path, so adders only. */
public final class DeviceActivity {

    private final String id;
    private final String line;
    private final String kind;
    private final String transport;
    private final String address;
    private final boolean known;
    private final LongAdder messages = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final Map<String, LongAdder> rejectsByReason = new ConcurrentHashMap<>();
    private final BiConsumer<DeviceActivity, String> newReason;
    private volatile long lastMessageMillis;

    /** @param newReason told once per reason this device is first rejected for (metrics add a series then) */
    DeviceActivity(String id, String line, String kind, String transport, String address, boolean known,
                   BiConsumer<DeviceActivity, String> newReason) {
        this.id = id;
        this.line = line;
        this.kind = kind;
        this.transport = transport;
        this.address = address;
        this.known = known;
        this.newReason = newReason;
    }

    void message(long nowMillis) {
        messages.increment();
        lastMessageMillis = nowMillis;
    }

    void countAccepted() {
        accepted.increment();
    }

    void countRejected(String reason) {
        rejected.increment();
        LongAdder count = rejectsByReason.get(reason);
        if (count == null) {
            LongAdder fresh = new LongAdder();
            count = rejectsByReason.putIfAbsent(reason, fresh);
            if (count == null) {
                count = fresh;
                newReason.accept(this, reason);
            }
        }
        count.increment();
    }

    public String id() {
        return id;
    }

    public String line() {
        return line;
    }

    public String kind() {
        return kind;
    }

    public String transport() {
        return transport;
    }

    /** The TCP scanner's address from devices.yaml, else null. */
    public String address() {
        return address;
    }

    public boolean known() {
        return known;
    }

    public long messages() {
        return messages.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long rejects(String reason) {
        LongAdder count = rejectsByReason.get(reason);
        return count == null ? 0 : count.sum();
    }

    public Map<String, Long> rejectsByReason() {
        Map<String, Long> out = new TreeMap<>();
        rejectsByReason.forEach((reason, count) -> out.put(reason, count.sum()));
        return out;
    }

    /** Epoch milliseconds of the last message, 0 when none came yet. */
    public long lastMessageMillis() {
        return lastMessageMillis;
    }

    public Instant lastMessageAt() {
        long at = lastMessageMillis;
        return at == 0 ? null : Instant.ofEpochMilli(at);
    }
}
