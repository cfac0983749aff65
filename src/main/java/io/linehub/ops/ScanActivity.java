package io.linehub.ops;

import io.linehub.relay.HubEvent;
import io.linehub.scan.Device;
import io.linehub.scan.DeviceRegistry;
import io.linehub.scan.Scan;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Per-device and per-line figures, kept in memory where scans and reads are recorded. The declared devices
 * and their lines are there from the start; a device in learning mode joins when it first sends.
 */
public final class ScanActivity {

    /** Told when a device, a line or a device's reject reason first appears (JMX and metrics add theirs). */
    public interface Listener {
        default void deviceAdded(DeviceActivity device) {
        }

        default void lineAdded(LineActivity line) {
        }

        default void rejectReasonAdded(DeviceActivity device, String reason) {
        }
    }

    private final Map<String, DeviceActivity> devices = new ConcurrentHashMap<>();
    private final Map<String, LineActivity> lines = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Predicate<String> tcpOpenFrom;
    private final long onlineMillis;
    private final Clock clock;

    /** @param tcpOpenFrom whether a connection from an address is open now (TCP scanners are online then) */
    public ScanActivity(DeviceRegistry registry, Predicate<String> tcpOpenFrom, Duration online, Clock clock) {
        this.tcpOpenFrom = tcpOpenFrom;
        this.onlineMillis = online.toMillis();
        this.clock = clock;
        for (Device d : registry.all()) {
            if (!d.isPrinter()) {
                devices.put(d.id(), new DeviceActivity(d.id(), d.line(), d.kind(), d.transport(), d.address(), true,
                        this::reasonAdded));
            }
            if (d.line() != null) {
                lines.computeIfAbsent(d.line(), LineActivity::new);
            }
        }
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** A scan arrived (before it is interpreted); an RFID observation counts for its line only. */
    public void received(Scan scan) {
        long now = clock.millis();
        line(scan.line()).scanned(now);
        if (!"rfid".equals(scan.transport())) {
            device(scan.device(), scan.line(), scan.deviceKnown(), scan.transport()).message(now);
        }
    }

    /** A reader's MQTT message arrived, however many tag reads it holds. */
    public void readerMessage(String reader, String line, boolean known) {
        device(reader, line, known, "rfid").message(clock.millis());
    }

    /** Outcomes recorded (scan pipeline, case packing): accepted and rejected per device and line. */
    public void recorded(Collection<HubEvent> events) {
        for (HubEvent e : events) {
            String type = e.type();
            if ("scan.rejected".equals(type)) {
                line(e.line()).countRejected();
                device(e.device(), e.line(), false, null).countRejected(String.valueOf(e.reason()));
            } else if ("scan.accepted".equals(type) || "tag.observed".equals(type)) {
                line(e.line()).countAccepted();
                device(e.device(), e.line(), false, null).countAccepted();
            } else if ("aggregation.packed".equals(type) && e.children() != null) {
                for (int i = e.children().size(); i > 0; i--) {
                    line(e.line()).countAccepted();
                    device(e.device(), e.line(), false, null).countAccepted();
                }
            }
        }
    }

    public boolean online(DeviceActivity d) {
        if ("tcp".equals(d.transport()) && d.address() != null) {
            return tcpOpenFrom.test(d.address());
        }
        long last = d.lastMessageMillis();
        return last != 0 && clock.millis() - last <= onlineMillis;
    }

    public DeviceFigures figures(DeviceActivity d) {
        return new DeviceFigures(d.id(), d.line(), d.kind(), d.transport(), d.known(), online(d), d.lastMessageAt(),
                d.messages(), d.accepted(), d.rejected(), d.rejectsByReason());
    }

    public Collection<DeviceActivity> devices() {
        return devices.values();
    }

    public Collection<LineActivity> lines() {
        return lines.values();
    }

    public long nowMillis() {
        return clock.millis();
    }

    private DeviceActivity device(String id, String line, boolean known, String transport) {
        String key = id == null ? "unknown" : id;
        DeviceActivity d = devices.get(key);
        if (d == null) {
            DeviceActivity fresh = new DeviceActivity(key, line, "rfid".equals(transport) ? "rfid" : "scanner",
                    transport, null, known, this::reasonAdded);
            d = devices.putIfAbsent(key, fresh);
            if (d == null) {
                d = fresh;
                listeners.forEach(l -> l.deviceAdded(fresh));
            }
        }
        return d;
    }

    private LineActivity line(String name) {
        String key = name == null ? "unassigned" : name;
        LineActivity l = lines.get(key);
        if (l == null) {
            LineActivity fresh = new LineActivity(key);
            l = lines.putIfAbsent(key, fresh);
            if (l == null) {
                l = fresh;
                listeners.forEach(x -> x.lineAdded(fresh));
            }
        }
        return l;
    }

    private void reasonAdded(DeviceActivity d, String reason) {
        listeners.forEach(l -> l.rejectReasonAdded(d, reason));
    }
}
