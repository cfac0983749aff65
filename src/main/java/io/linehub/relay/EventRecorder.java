package io.linehub.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.db.Transaction;
import io.linehub.rules.Decision;
import io.linehub.rules.Rejection;
import io.linehub.rules.SerialSnapshot;
import io.linehub.scan.Delivery;
import io.linehub.scan.Scan;
import io.linehub.scan.ScanOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a decided scan in one transaction: the serial's status change and its history row, the
 * events in the outbox, and a pending delivery per destination. Only after the commit is the scan
 * acknowledged to the device side, so an accepted scan is never lost.
 */
public final class EventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final DataSource dataSource;
    private final Destinations destinations;
    private final ObjectMapper json;
    private final Clock clock;

    public EventRecorder(DataSource dataSource, Destinations destinations, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.destinations = destinations;
        this.json = json;
        this.clock = clock;
    }

    /** @return the events recorded; empty when the scan was already recorded (a redelivered message) */
    public List<HubEvent> record(ScanOutcome outcome) throws SQLException {
        Scan scan = outcome.scan().scan();
        return Transaction.run(dataSource, c -> {
            String eventId = resentEventId(c, scan);
            if (eventId != null) {
                LOG.info("scan from {} is a resend of the delivery recorded as event {}: not recorded again",
                        scan.device(), eventId);
                return List.of();
            }
            eventId = ScanEvents.eventIdFor(scan);
            if (recorded(c, eventId)) {
                return List.of();
            }
            Decision decision = outcome.decision();
            if (decision.accepted() && !markAccepted(c, outcome, eventId)) {
                decision = Decision.reject(Rejection.DUPLICATE, "serial accepted concurrently by another scan");
            }
            List<HubEvent> events = ScanEvents.build(eventId, outcome.scan(), outcome.serial(), decision);
            for (int i = 0; i < events.size(); i++) {
                enqueue(c, events.get(i), i == 0 && scan.delivery() != null ? scan.delivery().key() : null);
            }
            return events;
        });
    }

    /**
     * The event id a resent delivery was recorded under, when its first delivery was recorded but never
     * acknowledged; null otherwise. Only a scan without the scanner's timestamp needs this: with one, the
     * event id is derived from the scan itself and is the same on every delivery.
     */
    private String resentEventId(Connection c, Scan scan) throws SQLException {
        Delivery delivery = scan.delivery();
        if (scan.deviceTime() != null || delivery == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM outbox WHERE delivery_key = ?"
                + " AND created_at BETWEEN ? AND ? ORDER BY id DESC")) {
            ps.setString(1, delivery.key());
            ps.setObject(2, delivery.resendsFrom().atOffset(ZoneOffset.UTC));
            ps.setObject(3, delivery.resendsTo().atOffset(ZoneOffset.UTC));
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether an event with this id is in the outbox already (a redelivered input recorded before). */
    public static boolean recorded(Connection c, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Moves the serial only if nobody else did since the lookup (same status, same last acceptance):
     * two scans of one serial racing on two connections end as one accepted and one DUPLICATE.
     */
    private boolean markAccepted(Connection c, ScanOutcome outcome, String eventId) throws SQLException {
        SerialSnapshot s = outcome.serial();
        String next = outcome.decision().newStatus();
        OffsetDateTime now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        String sql = "UPDATE serial SET status = ?, last_accepted_at = ?, last_accepted_station = ?, updated_at = ?"
                + " WHERE gtin = ? AND serial = ? AND status = ? AND " + (s.lastAcceptedAt() == null
                ? "last_accepted_at IS NULL" : "last_accepted_at = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, next != null ? next : s.status());
            ps.setObject(2, now);
            ps.setString(3, outcome.scan().scan().station());
            ps.setObject(4, now);
            ps.setString(5, s.gtin());
            ps.setString(6, s.serial());
            ps.setString(7, s.status());
            if (s.lastAcceptedAt() != null) {
                ps.setObject(8, s.lastAcceptedAt().atOffset(ZoneOffset.UTC));
            }
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        if (next != null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO serial_history (gtin, serial, from_status,"
                    + " to_status, reason, source, station, device, event_id, changed_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, s.gtin());
                ps.setString(2, s.serial());
                ps.setString(3, s.status());
                ps.setString(4, next);
                ps.setString(5, "scan");
                ps.setString(6, "scan");
                ps.setString(7, outcome.scan().scan().station());
                ps.setString(8, outcome.scan().scan().device());
                ps.setString(9, eventId);
                ps.setObject(10, now);
                ps.executeUpdate();
            }
        }
        return true;
    }

    /** Records events on their own, in one transaction. */
    public void recordEvents(List<HubEvent> events) throws SQLException {
        Transaction.run(dataSource, c -> {
            enqueueIn(c, events);
            return null;
        });
    }

    /** Writes events in the caller's transaction: they are delivered if, and only if, it commits. */
    public void enqueueIn(Connection c, List<HubEvent> events) throws SQLException {
        for (HubEvent event : events) {
            enqueue(c, event);
        }
    }

    private void enqueue(Connection c, HubEvent event) throws SQLException {
        enqueue(c, event, null);
    }

    private void enqueue(Connection c, HubEvent event, String deliveryKey) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (event_id, event_type, line, payload,"
                + " created_at, delivery_key) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, event.eventId());
            ps.setString(2, event.type());
            ps.setString(3, event.line());
            ps.setString(4, toJson(event));
            ps.setObject(5, OffsetDateTime.now(clock));
            ps.setString(6, deliveryKey);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        List<Destination> targets = destinations.taking(event.type(), event.line());
        if (targets.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox_delivery (destination, outbox_id) VALUES (?,?)")) {
            for (Destination d : targets) {
                ps.setString(1, d.name());
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private String toJson(HubEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + e.getMessage(), e);
        }
    }
}
