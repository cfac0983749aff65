package io.linehub.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Figures that cost a database query (outbox depth, print queue depth, dead letters), kept per key for a
 * short time, so a Prometheus scrape, JConsole and the status page together ask at most once a second.
 */
public final class RecentValue {

    /** A figure that may fail to be read; -1 stands for "could not ask". */
    @FunctionalInterface
    public interface Query {
        long read() throws Exception;
    }

    private record Entry(long value, long readAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;

    public RecentValue(long maxAgeMillis) {
        this.maxAgeNanos = maxAgeMillis * 1_000_000L;
    }

    public long get(String key, Query query) {
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null && now - e.readAtNanos() < maxAgeNanos) {
            return e.value();
        }
        long value;
        try {
            value = query.read();
        } catch (Exception failed) {
            value = -1;
        }
        entries.put(key, new Entry(value, now));
        return value;
    }

    /** After an operator's action the next read should show its effect at once. */
    public void forget(String key) {
        entries.remove(key);
    }
}
