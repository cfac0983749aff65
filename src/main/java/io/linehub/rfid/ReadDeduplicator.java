package io.linehub.rfid;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the many reads of a tag into one observation: reads of the same EPC by the same reader (and,
 * if configured, antenna) within the window of the last observation, by event time, are repeats.
 * Event time, not arrival time, so a replayed buffer of old reads collapses the same way; memory is
 * bounded by evicting the least recently seen tags.
 */
public final class ReadDeduplicator {

    private final Duration window;
    private final boolean perAntenna;
    private final Map<String, Instant> lastObserved;

    public ReadDeduplicator(Duration window, boolean perAntenna, int maxTags) {
        this.window = window;
        this.perAntenna = perAntenna;
        this.lastObserved = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > maxTags;
            }
        };
    }

    /** @return true when this read is a new observation, false for a repeat within the window */
    public synchronized boolean observe(String reader, TagRead read) {
        String key = reader + '|' + (perAntenna ? read.antenna() + "|" : "") + read.epcHex();
        Instant last = lastObserved.get(key);
        if (last != null && Duration.between(last, read.readAt()).abs().compareTo(window) < 0) {
            return false;
        }
        lastObserved.put(key, read.readAt());
        return true;
    }

    public synchronized int trackedTags() {
        return lastObserved.size();
    }
}
