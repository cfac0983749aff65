package io.linehub.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.db.Transaction;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes that record decided scans, in the caller's transaction (the scan pipeline's group commit,
 * io.linehub.scan.GroupCommit, calls them in this order): the check for events recorded before, the
 * serials' status changes and history rows, the events in the outbox with a pending delivery per
 * destination. Only after the commit is a scan acknowledged to the device side, so none is lost.
 */
public final class EventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    public static final String ACCEPTED_CONCURRENTLY = "serial accepted concurrently by another scan";
    private static final String OUTBOX_SQL = "INSERT INTO outbox (event_id, event_type, line, payload, created_at,"
            + " delivery_key) VALUES (?,?,?,?,?,?)";
    private static final String HISTORY_SQL = "INSERT INTO serial_history (gtin, serial, from_status, to_status,"
            + " reason, source, station, device, event_id, changed_at) VALUES (?,?,?,?,?,?,?,?,?,?)";

    private final DataSource dataSource;
    private final Destinations destinations;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxSignal signal;

    public EventRecorder(DataSource dataSource, Destinations destinations, ObjectMapper json, Clock clock) {
        this(dataSource, destinations, json, clock, new OutboxSignal());
    }

    /** @param signal told after each commit of events, so the relays deliver them without waiting for a poll */
    public EventRecorder(DataSource dataSource, Destinations destinations, ObjectMapper json, Clock clock,
                         OutboxSignal signal) {
        this.dataSource = dataSource;
        this.destinations = destinations;
        this.json = json;
        this.clock = clock;
        this.signal = signal;
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

    /** {@link #recorded} for a batch in one statement: the ids among {@code eventIds} in the outbox already. */
    public static Set<String> recordedAmong(Connection c, Collection<String> eventIds) throws SQLException {
        Set<String> found = new HashSet<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        String sql = "SELECT event_id FROM outbox WHERE event_id IN ("
                + String.join(",", Collections.nCopies(eventIds.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String id : eventIds) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /**
     * Per scan, the event id its delivery was recorded under before, when the transport is resending it
     * (its first delivery recorded, the ack lost with the connection); null for the others. Only a scan
     * without the scanner's timestamp needs this: with one, its event id is derived from the scan itself
     * and is the same on every delivery. See {@link io.linehub.scan.Delivery}.
     */
    public static String[] resentEventIds(Connection c, List<Scan> scans) throws SQLException {
        String[] found = new String[scans.size()];
        Set<String> keys = new HashSet<>();
        for (Scan scan : scans) {
            if (scan.deviceTime() == null && scan.delivery() != null) {
                keys.add(scan.delivery().key());
            }
        }
        if (keys.isEmpty()) {
            return found;
        }
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT delivery_key, event_id, created_at FROM outbox"
                + " WHERE delivery_key IN (" + String.join(",", Collections.nCopies(keys.size(), "?"))
                + ") ORDER BY id DESC")) {
            int i = 1;
            for (String key : keys) {
                ps.setString(i++, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()});
                }
            }
        }
        for (int i = 0; i < scans.size(); i++) {
            Scan scan = scans.get(i);
            Delivery d = scan.delivery();
            if (scan.deviceTime() != null || d == null) {
                continue;
            }
            Instant seenBefore = null;
            for (Object[] row : rows) {
                Instant at = (Instant) row[2];
                if (!d.key().equals(row[0])) {
                    continue;
                }
                if (!at.isBefore(d.resendsFrom()) && !at.isAfter(d.resendsTo())) {
                    found[i] = (String) row[1];
                    break;
                }
                seenBefore = seenBefore == null ? at : seenBefore;
            }
            if (found[i] == null && seenBefore != null) {
                // the same payload from the same device, but recorded outside the span a resend can come from:
                // a new scan of the same code (a rescan), recorded as one
                LOG.info("scan from {} repeats a delivery recorded at {}, outside the resend span {} .. {} of this"
                        + " connection: recorded as a new scan", scan.device(), seenBefore, d.resendsFrom(), d.resendsTo());
            }
        }
        return found;
    }

    /** The time an acceptance stamps on the serial, at the precision every database keeps (so it compares equal). */
    public OffsetDateTime acceptanceTime() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    /**
     * Moves each accepted scan's serial only if nobody else did since the lookup (same status, same last
     * acceptance): two scans of one serial racing in two transactions end as one accepted and one DUPLICATE.
     * The acceptances of a batch, in order, go as two JDBC batches: first those of serials never accepted
     * before, then the others. A serial accepted twice in one batch is first in the one and then in the other
     * (its second snapshot carries the first acceptance), so the order holds. Writes the history rows too.
     *
     * @return per acceptance, whether the serial moved (false: changed by someone else since the lookup)
     */
    public boolean[] markAccepted(Connection c, List<Acceptance> acceptances, OffsetDateTime now)
            throws SQLException {
        boolean[] moved = new boolean[acceptances.size()];
        for (boolean firstAcceptance : new boolean[] {true, false}) {
            List<Integer> positions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(markAcceptedSql(firstAcceptance))) {
                for (int i = 0; i < acceptances.size(); i++) {
                    ScanOutcome outcome = acceptances.get(i).outcome();
                    if ((outcome.serial().lastAcceptedAt() == null) == firstAcceptance) {
                        bindMarkAccepted(ps, outcome, now);
                        ps.addBatch();
                        positions.add(i);
                    }
                }
                if (!positions.isEmpty()) {
                    int[] counts = ps.executeBatch();
                    for (int j = 0; j < counts.length; j++) {
                        moved[positions.get(j)] = counts[j] == 1;
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(HISTORY_SQL)) {
            boolean any = false;
            for (int i = 0; i < acceptances.size(); i++) {
                Acceptance a = acceptances.get(i);
                if (moved[i] && a.outcome().decision().newStatus() != null) {
                    bindHistory(ps, a.outcome(), a.eventId(), now);
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
        return moved;
    }

    /** An accepted scan of a batch and the id of its event. */
    public record Acceptance(ScanOutcome outcome, String eventId) {
    }

    private static String markAcceptedSql(boolean neverAccepted) {
        return "UPDATE serial SET status = ?, last_accepted_at = ?, last_accepted_station = ?, updated_at = ?"
                + " WHERE gtin = ? AND serial = ? AND status = ? AND "
                + (neverAccepted ? "last_accepted_at IS NULL" : "last_accepted_at = ?");
    }

    private static void bindMarkAccepted(PreparedStatement ps, ScanOutcome outcome, OffsetDateTime now)
            throws SQLException {
        SerialSnapshot s = outcome.serial();
        String next = outcome.decision().newStatus();
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
    }

    private static void bindHistory(PreparedStatement ps, ScanOutcome outcome, String eventId, OffsetDateTime now)
            throws SQLException {
        SerialSnapshot s = outcome.serial();
        ps.setString(1, s.gtin());
        ps.setString(2, s.serial());
        ps.setString(3, s.status());
        ps.setString(4, outcome.decision().newStatus());
        ps.setString(5, "scan");
        ps.setString(6, "scan");
        ps.setString(7, outcome.scan().scan().station());
        ps.setString(8, outcome.scan().scan().device());
        ps.setString(9, eventId);
        ps.setObject(10, now);
    }

    /** Records events on their own, in one transaction. */
    public void recordEvents(List<HubEvent> events) throws SQLException {
        Transaction.run(dataSource, c -> {
            enqueueIn(c, events);
            return null;
        });
        signal.committed();
    }

    /** Tells the relays that events were committed by a transaction of the caller's (a batch). */
    public void committed() {
        signal.committed();
    }

    /** Writes events in the caller's transaction: they are delivered if, and only if, it commits. */
    public void enqueueIn(Connection c, List<HubEvent> events) throws SQLException {
        for (HubEvent event : events) {
            enqueue(c, event);
        }
    }

    private void enqueue(Connection c, HubEvent event) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(OUTBOX_SQL, Statement.RETURN_GENERATED_KEYS)) {
            bindOutbox(ps, event, OffsetDateTime.now(clock));
            ps.setString(6, null);
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

    /**
     * {@link #enqueueIn} for a batch's events as two JDBC batches: the outbox rows in order (their ids keep
     * the events' order for the relay), then the delivery rows, which find their outbox row by its eventId.
     */
    public void enqueueAllIn(Connection c, List<HubEvent> events) throws SQLException {
        enqueueAllIn(c, events, Map.of());
    }

    /** @param deliveryKeys by event id, the delivery key of the scan an event records (see {@link #resentEventIds}) */
    public void enqueueAllIn(Connection c, List<HubEvent> events, Map<String, String> deliveryKeys)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long[] ids = new long[events.size()];
        try (PreparedStatement ps = c.prepareStatement(OUTBOX_SQL, new String[] {"id"})) {
            for (HubEvent event : events) {
                bindOutbox(ps, event, now);
                ps.setString(6, deliveryKeys.get(event.eventId()));
                ps.addBatch();
            }
            ps.executeBatch();
            // the delivery rows take the generated ids: no second look-up of each row by its event id
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int i = 0;
                while (keys.next() && i < ids.length) {
                    ids[i++] = keys.getLong(1);
                }
                if (i != ids.length) {
                    throw new SQLException("outbox insert returned " + i + " ids for " + ids.length + " events");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_delivery (destination, outbox_id)"
                + " VALUES (?, ?)")) {
            boolean any = false;
            for (int i = 0; i < ids.length; i++) {
                HubEvent event = events.get(i);
                for (Destination d : destinations.taking(event.type(), event.line())) {
                    ps.setString(1, d.name());
                    ps.setLong(2, ids[i]);
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private void bindOutbox(PreparedStatement ps, HubEvent event, OffsetDateTime now) throws SQLException {
        ps.setString(1, event.eventId());
        ps.setString(2, event.type());
        ps.setString(3, event.line());
        ps.setString(4, toJson(event));
        ps.setObject(5, now);
    }

    private String toJson(HubEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + e.getMessage(), e);
        }
    }
}
