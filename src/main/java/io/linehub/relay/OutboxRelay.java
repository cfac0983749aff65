package io.linehub.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.cluster.Fence;
import io.linehub.db.Transaction;
import io.linehub.epcis.EpcisDocuments;
import io.linehub.ops.HubCounters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to one destination for routes/outbox-relay.camel.yaml: the oldest pending events
 * first, the same batch again after a failure (so order per line holds), deleted only once delivered.
 */
public final class OutboxRelay {

    public static final String PROPERTY_BATCH = "linehubBatch";
    public static final String PROPERTY_MORE = "linehubMore";
    /** For partner routes: outbox ids of the batch's first and last event, stable across retries. */
    public static final String HEADER_BATCH_ID = "LinehubBatchId";
    public static final String HEADER_EVENT_COUNT = "LinehubEventCount";
    /** For partner routes, on a batch of one event: its type, line and eventId. */
    public static final String HEADER_EVENT_TYPE = "LinehubEventType";
    public static final String HEADER_LINE = "LinehubLine";
    public static final String HEADER_EVENT_ID = "LinehubEventId";

    /** One event ready for the MQTT event topics. */
    public record TopicMessage(String topic, String payload) {
    }

    private record Row(long id, String eventId, String type, String line, String payload) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final Destinations destinations;
    private final HubCounters counters;
    private final String topicPrefix;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Clock clock;
    private final EpcisDocuments epcis;
    private final ObjectMapper json;
    private final Map<String, RelayBackoff> backoffs = new ConcurrentHashMap<>();
    private final Fence fence;
    private final OutboxSignal signal;
    private final Map<String, Long> commitsSeen = new ConcurrentHashMap<>();

    /**
     * @param fence  asked before each batch of a relay route goes out (in a cluster: is this hub still its owner)
     * @param signal told by the scan pipeline after each commit of events (see {@link #awaitEvents})
     */
    public OutboxRelay(DataSource dataSource, Destinations destinations, HubCounters counters, String topicPrefix,
                       Duration backoffInitial, Duration backoffMax, EpcisDocuments epcis, Clock clock, Fence fence,
                       OutboxSignal signal) {
        this.signal = signal;
        this.dataSource = dataSource;
        this.fence = fence;
        this.epcis = epcis;
        // outbox rows written by a newer hub may carry fields this one does not know
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.destinations = destinations;
        this.counters = counters;
        this.topicPrefix = topicPrefix;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.clock = clock;
    }

    /**
     * The start of a relay tick: returns as soon as events were committed since this destination's last
     * tick began, or after {@code maxMillis} (the poll interval, for events nobody signalled).
     */
    public void awaitEvents(String destinationName, long maxMillis) throws InterruptedException {
        long seen = commitsSeen.getOrDefault(destinationName, -1L);
        commitsSeen.put(destinationName, signal.awaitAfter(seen, maxMillis));
    }

    /** Loads the next batch into the exchange, or clears {@value #PROPERTY_BATCH} when there is none due. */
    public void next(Exchange exchange, String destinationName) throws SQLException {
        load(exchange, destinationName);
        if (exchange.getProperty(PROPERTY_BATCH) != null && !fence.stillOwns(RelayRoutes.routeId(destinationName))) {
            // asked last, right before the route (or partner route) sends: another hub may own this relay
            // now, and a batch sent by both could reach the destination out of order; it stays pending
            exchange.removeProperty(PROPERTY_BATCH);
            exchange.setProperty(PROPERTY_MORE, false);
            exchange.getMessage().setBody(null);
        }
    }

    private void load(Exchange exchange, String destinationName) throws SQLException {
        Destination destination = destination(destinationName);
        Message msg = exchange.getMessage();
        msg.getHeaders().clear();
        exchange.removeProperty(PROPERTY_BATCH);
        exchange.setProperty(PROPERTY_MORE, false);
        msg.setBody(null);
        if (!backoff(destinationName).due()) {
            return;
        }
        List<Row> rows = pending(destinationName, destination.batchSize());
        if (rows.isEmpty()) {
            return;
        }
        exchange.setProperty(PROPERTY_BATCH, rows.stream().map(Row::id).toList());
        exchange.setProperty(PROPERTY_MORE, rows.size() == destination.batchSize());
        if (destination.kind() == Destination.Kind.MQTT) {
            List<TopicMessage> messages = new ArrayList<>(rows.size());
            for (Row r : rows) {
                messages.add(new TopicMessage(topicPrefix + "/" + r.line() + "/event/" + r.type(), r.payload()));
            }
            msg.setBody(messages);
            return;
        }
        String body;
        if (Destination.FORMAT_EPCIS.equals(destination.format())) {
            body = epcisDocument(destinationName, rows);
            if (body == null) {
                // nothing in this batch is an EPCIS event (rejections, printing): done without a call
                removeDeliveries(destinationName, rows.stream().map(Row::id).toList());
                exchange.removeProperty(PROPERTY_BATCH);
                return;
            }
            msg.setHeader(Exchange.CONTENT_TYPE, "application/ld+json");
        } else {
            body = destination.batchSize() == 1 ? rows.get(0).payload() : jsonArray(rows);
            msg.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        if (destination.kind() == Destination.Kind.ROUTE) {
            msg.setHeader(HEADER_BATCH_ID, rows.get(0).id() + "-" + rows.get(rows.size() - 1).id());
            msg.setHeader(HEADER_EVENT_COUNT, rows.size());
            if (rows.size() == 1) {
                msg.setHeader(HEADER_EVENT_TYPE, rows.get(0).type());
                msg.setHeader(HEADER_LINE, rows.get(0).line());
                msg.setHeader(HEADER_EVENT_ID, rows.get(0).eventId());
            }
            msg.setBody(body);
            return;
        }
        destination.headers().forEach(msg::setHeader);
        String auth = destination.authEnv() == null ? null : System.getenv(destination.authEnv());
        if (auth != null && !auth.isBlank()) {
            msg.setHeader("Authorization", auth);
        }
        msg.setBody(body);
    }

    /**
     * One EPCIS document for the batch, or null when no event of it is reported in EPCIS. An event that
     * cannot be written (no valid identifier) is moved to the dead letters with its reason instead of
     * holding back every later event of the destination.
     */
    private String epcisDocument(String destinationName, List<Row> rows) throws SQLException {
        List<HubEvent> events = new ArrayList<>(rows.size());
        Map<String, Row> byEventId = new HashMap<>();
        for (Row r : rows) {
            try {
                HubEvent event = json.readValue(r.payload(), HubEvent.class);
                events.add(event);
                byEventId.put(event.eventId(), r);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("outbox row " + r.id() + " is not an event: " + e.getMessage(), e);
            }
        }
        EpcisDocuments.Batch batch = epcis.batch(events);
        if (!batch.refused().isEmpty()) {
            Transaction.run(dataSource, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dead_letter (source, payload, reason) VALUES (?,?,?)")) {
                    for (Map.Entry<String, String> refused : batch.refused().entrySet()) {
                        Row row = byEventId.get(refused.getKey());
                        ps.setString(1, "relay:" + destinationName);
                        ps.setString(2, row.payload());
                        ps.setString(3, refused.getValue().length() > 1000 ? refused.getValue().substring(0, 1000)
                                : refused.getValue());
                        ps.addBatch();
                        LOG.error("destination {}: {}; kept as a dead letter", destinationName, refused.getValue());
                    }
                    ps.executeBatch();
                }
                deleteDeliveries(c, destinationName, batch.refused().keySet().stream()
                        .map(id -> byEventId.get(id).id()).toList());
                return null;
            });
        }
        return batch.document().orElse(null);
    }

    public void delivered(Exchange exchange, String destinationName) throws SQLException {
        @SuppressWarnings("unchecked")
        List<Long> ids = exchange.getProperty(PROPERTY_BATCH, List.class);
        removeDeliveries(destinationName, ids);
        counters.delivered(destinationName, ids.size());
        Instant outageStart = backoff(destinationName).succeeded();
        if (outageStart != null) {
            LOG.info("destination {} delivers again (failing since {})", destinationName, outageStart);
        }
    }

    /** One transaction for the batch: in auto-commit each row's delete was a commit of its own. */
    private void removeDeliveries(String destinationName, List<Long> ids) throws SQLException {
        Transaction.run(dataSource, c -> {
            deleteDeliveries(c, destinationName, ids);
            return null;
        });
    }

    private static void deleteDeliveries(Connection c, String destinationName, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outbox_delivery WHERE destination = ? AND outbox_id = ?")) {
            for (Long id : ids) {
                ps.setString(1, destinationName);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void failed(Exchange exchange, String destinationName) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = e == null ? "unknown failure" : e.getClass().getSimpleName() + ": " + e.getMessage();
        exchange.setProperty(PROPERTY_MORE, false);
        if (backoff(destinationName).failed()) {
            LOG.warn("destination {} failing, events kept in the outbox and retried with backoff: {}",
                    destinationName, reason);
        } else {
            LOG.debug("destination {} still failing: {}", destinationName, reason);
        }
        @SuppressWarnings("unchecked")
        List<Long> ids = exchange.getProperty(PROPERTY_BATCH, List.class);
        if (ids == null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE outbox_delivery SET attempts = attempts + 1,"
                     + " last_error = ? WHERE destination = ? AND outbox_id = ?")) {
            for (Long id : ids) {
                ps.setString(1, reason.length() > 500 ? reason.substring(0, 500) : reason);
                ps.setString(2, destinationName);
                ps.setLong(3, id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException sql) {
            LOG.warn("could not note the failed delivery to {}: {}", destinationName, sql.getMessage());
        }
    }

    /** Pending events for a destination (outbox depth), for operations. */
    public long depth(String destinationName) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_delivery WHERE destination = ?")) {
            ps.setString(1, destinationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Instant failingSince(String destinationName) {
        return backoff(destinationName).failingSince();
    }

    /** When the oldest event still pending for a destination was recorded, or null when none is pending. */
    public Instant oldestPending(String destinationName) throws SQLException {
        try (Connection c = dataSource.getConnection();
             // the first pending id's event (ids follow recording order): one index entry, not a scan of the outbox
             PreparedStatement ps = c.prepareStatement("SELECT o.created_at FROM (SELECT destination, outbox_id"
                     + " FROM outbox_delivery WHERE destination = ? ORDER BY destination, outbox_id FETCH FIRST 1 ROWS ONLY) d"
                     + " JOIN outbox o ON o.id = d.outbox_id")) {
            ps.setString(1, destinationName);
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? null : t.toInstant();
            }
        }
    }

    /** Drops the destination's backoff so its relay tries again on its next tick (an operator's "retry now"). */
    public void retryNow(String destinationName) {
        backoff(destinationName).retryNow();
    }

    private List<Row> pending(String destinationName, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             // the pending ids first, in the primary key's order (destination, outbox_id): H2 then reads just
             // `limit` index entries; joined the other way round it scanned and sorted the whole outbox per tick
             PreparedStatement ps = c.prepareStatement("SELECT o.id, o.event_id, o.event_type, o.line, o.payload"
                     + " FROM (SELECT destination, outbox_id FROM outbox_delivery WHERE destination = ?"
                     + " ORDER BY destination, outbox_id FETCH FIRST " + limit + " ROWS ONLY) d"
                     + " JOIN outbox o ON o.id = d.outbox_id ORDER BY d.outbox_id")) {
            ps.setString(1, destinationName);
            List<Row> rows = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return rows;
        }
    }

    private static String jsonArray(List<Row> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 400).append('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(rows.get(i).payload());
        }
        return sb.append(']').toString();
    }

    private Destination destination(String name) {
        return destinations.all().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no destination " + name));
    }

    private RelayBackoff backoff(String name) {
        return backoffs.computeIfAbsent(name, n -> new RelayBackoff(backoffInitial, backoffMax, clock));
    }
}
