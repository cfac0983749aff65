package io.linehub.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * linehub's own series (linehub_*) on the registry /observe/metrics serves. Every meter reads the in-memory
 * figures when scraped, so the scan path pays nothing for them; database figures come through OpsView's
 * one-second cache.
 */
public final class LinehubMeters implements ScanActivity.Listener {

    private final MeterRegistry registry;
    private final OpsView view;

    public LinehubMeters(MeterRegistry registry, OpsView view) {
        this.registry = registry;
        this.view = view;
    }

    /** Adds the series for what exists now and for every device, line and reject reason that appears later. */
    public void bind() {
        ScanActivity activity = view.activity();
        activity.devices().forEach(this::deviceAdded);
        activity.lines().forEach(this::lineAdded);
        activity.devices().forEach(d -> d.rejectsByReason().keySet().forEach(r -> rejectReasonAdded(d, r)));
        activity.listen(this);
        view.printerIds().forEach(this::printer);
        view.destinationNames().forEach(this::destination);
        Gauge.builder("linehub.dead.letters", view, OpsView::deadLetters)
                .description("Inputs parked with their reason, waiting for a fix and replay").strongReference(true)
                .register(registry);
    }

    @Override
    public void deviceAdded(DeviceActivity d) {
        Tags tags = Tags.of("line", String.valueOf(d.line()), "device", d.id());
        FunctionCounter.builder("linehub.scans", d, DeviceActivity::accepted).tags(tags).tag("result", "accepted")
                .description("Scans recorded, by outcome").register(registry);
        FunctionCounter.builder("linehub.scans", d, DeviceActivity::rejected).tags(tags).tag("result", "rejected")
                .description("Scans recorded, by outcome").register(registry);
        ScanActivity activity = view.activity();
        Gauge.builder("linehub.device.online", d, x -> activity.online(x) ? 1 : 0).tags(tags)
                .description("1 while the device is connected (TCP) or sent within the online window (MQTT)")
                .strongReference(true).register(registry);
        Gauge.builder("linehub.device.last.seen", d, x -> x.lastMessageMillis() / 1000.0).tag("device", d.id())
                .baseUnit("seconds").description("Unix time of the device's last message, 0 before the first")
                .strongReference(true).register(registry);
    }

    @Override
    public void lineAdded(LineActivity l) {
        ScanActivity activity = view.activity();
        Gauge.builder("linehub.line.scans.per.second", l, x -> x.scansPerSecond(activity.nowMillis()))
                .tag("line", l.line()).description("Scans received per second over the last 10 s")
                .strongReference(true).register(registry);
    }

    @Override
    public void rejectReasonAdded(DeviceActivity d, String reason) {
        FunctionCounter.builder("linehub.rejects", d, x -> x.rejects(reason))
                .tags("line", String.valueOf(d.line()), "device", d.id(), "reason", reason)
                .description("Scans rejected, by reason").register(registry);
    }

    private void printer(String id) {
        Gauge.builder("linehub.printer.queue.depth", view, v -> v.printerDepth(id)).tag("printer", id)
                .description("Print jobs queued or in the printer").strongReference(true).register(registry);
        Gauge.builder("linehub.printer.ready", view,
                        v -> v.printer(id).map(p -> "ready".equals(p.status()) ? 1 : 0).orElse(0))
                .tag("printer", id).description("1 while the printer reports ready and is not paused")
                .strongReference(true).register(registry);
        FunctionCounter.builder("linehub.labels.printed", view,
                        v -> v.printer(id).map(PrinterFigures::printed).orElse(0L))
                .tag("printer", id).description("Print jobs the printer finished").register(registry);
    }

    private void destination(String name) {
        Gauge.builder("linehub.outbox.depth", view, v -> v.outboxDepth(name)).tag("destination", name)
                .description("Events waiting for delivery").strongReference(true).register(registry);
        Gauge.builder("linehub.outbox.oldest.age", view, v -> v.oldestAgeSeconds(name)).tag("destination", name)
                .baseUnit("seconds").description("Age of the oldest undelivered event")
                .strongReference(true).register(registry);
        FunctionCounter.builder("linehub.events.delivered", view, v -> v.delivered(name))
                .tag("destination", name).description("Events delivered").register(registry);
    }
}
