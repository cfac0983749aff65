package io.linehub.ops;

import io.linehub.print.PrinterQueue;
import io.linehub.print.PrinterQueues;
import io.linehub.relay.Destination;
import io.linehub.relay.Destinations;
import io.linehub.relay.OutboxRelay;
import io.linehub.scan.DeadLetterReplay;
import io.linehub.scan.DeviceRegistry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything an operator looks at, one read model for JMX, the metrics and /api/status: devices and lines
 * from memory, printers from their queues, destinations from the relay and the outbox (database figures
 * cached for a second).
 */
public final class OpsView {

    private final ScanActivity activity;
    private final HubCounters counters;
    private final PrinterQueues printers;
    private final DeviceRegistry registry;
    private final OutboxRelay relay;
    private final Destinations destinations;
    private final DeadLetterReplay deadLetters;
    private final RecentValue recent = new RecentValue(1000);

    public OpsView(ScanActivity activity, HubCounters counters, PrinterQueues printers, DeviceRegistry registry,
                   OutboxRelay relay, Destinations destinations, DeadLetterReplay deadLetters) {
        this.activity = activity;
        this.counters = counters;
        this.printers = printers;
        this.registry = registry;
        this.relay = relay;
        this.destinations = destinations;
        this.deadLetters = deadLetters;
    }

    public ScanActivity activity() {
        return activity;
    }

    public HubCounters counters() {
        return counters;
    }

    public List<DeviceFigures> devices() {
        return activity.devices().stream().map(activity::figures).sorted(Comparator.comparing(DeviceFigures::id))
                .toList();
    }

    public Optional<DeviceFigures> device(String id) {
        return activity.devices().stream().filter(d -> d.id().equals(id)).findFirst().map(activity::figures);
    }

    public List<LineFigures> lines() {
        long now = activity.nowMillis();
        return activity.lines().stream().map(l -> l.figures(now)).sorted(Comparator.comparing(LineFigures::line))
                .toList();
    }

    public Optional<LineFigures> line(String name) {
        long now = activity.nowMillis();
        return activity.lines().stream().filter(l -> l.line().equals(name)).findFirst().map(l -> l.figures(now));
    }

    public double scansPerSecond() {
        long now = activity.nowMillis();
        return activity.lines().stream().mapToDouble(l -> l.scansPerSecond(now)).sum();
    }

    public List<String> printerIds() {
        return List.copyOf(printers.printers());
    }

    public Optional<PrinterFigures> printer(String id) {
        PrinterQueue q = printers.queue(id);
        if (q == null) {
            return Optional.empty();
        }
        String detail = q.paused() ? PrinterQueue.PAUSED : printers.status(id);
        String line = registry.byId(id).map(d -> d.line()).orElse(null);
        return Optional.of(new PrinterFigures(id, line, PrinterState.of(detail), detail, q.paused(),
                printerDepth(id), q.printed(), q.failed()));
    }

    public List<PrinterFigures> printers() {
        return printerIds().stream().map(this::printer).flatMap(Optional::stream).toList();
    }

    public long printerDepth(String id) {
        return recent.get("printer/" + id, () -> printers.depth(id));
    }

    public List<String> destinationNames() {
        return destinations.all().stream().map(Destination::name).sorted().toList();
    }

    public DestinationFigures destination(String name) {
        long depth = outboxDepth(name);
        return new DestinationFigures(name, depth, oldestAgeSeconds(name),
                counters.deliveredByDestination().getOrDefault(name, 0L), relay.failingSince(name));
    }

    public List<DestinationFigures> destinations() {
        return destinationNames().stream().map(this::destination).toList();
    }

    public long outboxDepth(String destination) {
        return recent.get("depth/" + destination, () -> relay.depth(destination));
    }

    /** Seconds since the oldest pending event was recorded; 0 when nothing is pending. */
    public long oldestAgeSeconds(String destination) {
        return recent.get("age/" + destination, () -> {
            Instant oldest = relay.oldestPending(destination);
            return oldest == null ? 0 : Math.max(0, (activity.nowMillis() - oldest.toEpochMilli()) / 1000);
        });
    }

    public long delivered(String destination) {
        return counters.deliveredByDestination().getOrDefault(destination, 0L);
    }

    public long deadLetters() {
        return recent.get("dead-letters", deadLetters::count);
    }

    public void pausePrinter(String id) {
        queue(id).pause();
    }

    public void resumePrinter(String id) {
        queue(id).resume();
        queue(id).retryNow();
    }

    public void retryPrinter(String id) {
        queue(id).retryNow();
    }

    public void retryDestination(String name) {
        relay.retryNow(name);
        recent.forget("depth/" + name);
        recent.forget("age/" + name);
    }

    private PrinterQueue queue(String id) {
        PrinterQueue q = printers.queue(id);
        if (q == null) {
            throw new IllegalArgumentException("no printer " + id);
        }
        return q;
    }
}
