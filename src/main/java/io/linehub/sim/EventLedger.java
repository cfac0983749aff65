package io.linehub.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an {@link EventReceiver} has accepted: first arrivals and repeats per eventId, counts, latencies, and the
 * events themselves (all of them, or a bounded tail). One lock guards it all; contention is far below HTTP cost.
 */
final class EventLedger {

    /** Events kept in bounded mode. */
    static final int BOUNDED_EVENTS = 1_000;
    /** eventIds remembered in bounded mode; a repeat older than this many newer ids counts as distinct again. */
    static final int BOUNDED_IDS = 100_000;

    private final boolean keepAll;
    private Set<String> seenIds;
    private Deque<ReceivedEvent> events;
    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<String, Long> byReason = new TreeMap<>();
    private long posts;
    private long failedPosts;
    private long badRequests;
    private long arrivals;
    private long distinct;
    private long duplicates;
    private LatencyHistogram latency;

    EventLedger(boolean keepAll) {
        this.keepAll = keepAll;
        clear();
    }

    synchronized void clear() {
        seenIds = keepAll ? new HashSet<>() : lruSet(BOUNDED_IDS);
        events = new ArrayDeque<>();
        byType.clear();
        byReason.clear();
        posts = failedPosts = badRequests = arrivals = distinct = duplicates = 0;
        latency = new LatencyHistogram();
    }

    /** Records one accepted POST; type and reason counts and latency count first arrivals only. */
    synchronized void recordPost(Collection<ReceivedEvent> batch) {
        posts++;
        for (ReceivedEvent event : batch) {
            arrivals++;
            boolean first = seenIds.add(event.eventId());
            if (first) {
                distinct++;
                byType.merge(event.type(), 1L, Long::sum);
                if (event.reason() != null) {
                    byReason.merge(event.reason(), 1L, Long::sum);
                }
                // a repeat's age measures the hub's retry, not the delivery the ERP saw first
                latency.record(event.latencyMicros());
            } else {
                duplicates++;
            }
            events.addLast(first ? event : event.asRepeat());
            if (!keepAll && events.size() > BOUNDED_EVENTS) {
                events.removeFirst();
            }
        }
        notifyAll();
    }

    synchronized void recordFailedPost() {
        failedPosts++;
    }

    synchronized void recordBadRequest() {
        badRequests++;
    }

    synchronized boolean awaitDistinct(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (distinct < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(posts, failedPosts, badRequests, arrivals, distinct, duplicates,
                Collections.unmodifiableMap(new TreeMap<>(byType)),
                Collections.unmodifiableMap(new TreeMap<>(byReason)), latency);
    }

    synchronized List<ReceivedEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<ReceivedEvent> firstArrivalsForLine(String line) {
        List<ReceivedEvent> matching = new ArrayList<>();
        for (ReceivedEvent event : events) {
            if (!event.repeat() && line.equals(event.line())) {
                matching.add(event);
            }
        }
        return matching;
    }

    synchronized int trackedIds() {
        return seenIds.size();
    }

    /** Counters at one moment; {@code latency} is live and keeps counting. */
    record Snapshot(long posts, long failedPosts, long badRequests, long arrivals, long distinct, long duplicates,
            Map<String, Long> byType, Map<String, Long> byReason, LatencyHistogram latency) {
    }

    private static Set<String> lruSet(int capacity) {
        return Collections.newSetFromMap(new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }
}
