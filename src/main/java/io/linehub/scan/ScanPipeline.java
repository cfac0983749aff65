package io.linehub.scan;

import io.linehub.gs1.Gs1Data;
import io.linehub.gs1.Gs1Error;
import io.linehub.gs1.Gs1Parser;
import io.linehub.gs1.ParseResult;
import io.linehub.ops.HubCounters;
import io.linehub.ops.ScanActivity;
import io.linehub.packing.CaseWindows;
import io.linehub.relay.EventRecorder;
import io.linehub.relay.HubEvent;
import io.linehub.rules.Decision;
import io.linehub.rules.ScanDecider;
import io.linehub.rules.SerialSnapshot;
import io.linehub.rules.StationRules;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of routes/scan-pipeline.camel.yaml that are linehub's own: read the barcode, decide,
 * record. The master-data lookup between them is a camel-sql step in the route.
 */
public final class ScanPipeline {

    public static final String HEADER_GTIN = "linehubGtin";
    public static final String HEADER_SERIAL = "linehubSerial";
    public static final String HEADER_RECORD = "linehubSerialRecord";

    private static final Logger LOG = LoggerFactory.getLogger(ScanPipeline.class);

    private final Gs1Parser parser;
    private final ScanDecider decider;
    private final StationRules stations;
    private final EventRecorder recorder;
    private final HubCounters counters;
    private final ScanOutcomeListeners listeners;
    private final ScanActivity activity;
    private final CaseWindows cases;
    private final Clock clock;

    public ScanPipeline(Gs1Parser parser, ScanDecider decider, StationRules stations, EventRecorder recorder,
                        HubCounters counters, ScanActivity activity, ScanOutcomeListeners listeners, CaseWindows cases,
                        Clock clock) {
        this.parser = parser;
        this.decider = decider;
        this.stations = stations;
        this.recorder = recorder;
        this.counters = counters;
        this.listeners = listeners;
        this.activity = activity;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Parses the barcode; sets the lookup keys as headers when the scan names a GTIN and a serial, or,
     * at a packing station that aggregates, hands the read to its device's case (header
     * {@value CaseWindows#HEADER_ITEM}).
     */
    public void interpret(Exchange exchange) {
        Message msg = exchange.getMessage();
        Scan scan = msg.getBody(Scan.class);
        counters.scanReceived(scan.line());
        activity.received(scan);
        InterpretedScan interpreted;
        if (scan.payloadError() != null) {
            interpreted = new InterpretedScan(scan, null, scan.payloadError());
        } else {
            ParseResult result = parser.parse(scan.data());
            if (result instanceof Gs1Error error) {
                interpreted = new InterpretedScan(scan, null, error.kind() + ": " + error.message());
            } else {
                Gs1Data data = (Gs1Data) result;
                interpreted = data.gtin() == null || data.serial() == null
                        ? new InterpretedScan(scan, data, "no GTIN (01) and serial (21) in the barcode")
                        : new InterpretedScan(scan, data, null);
            }
        }
        msg.removeHeaders("linehub*");
        if (interpreted.data() != null && stations.forStation(scan.station()).aggregates()) {
            String notACaseRead = cases.admit(msg, scan, interpreted.data());
            if (notACaseRead == null) {
                msg.setBody(interpreted);
                return;
            }
            interpreted = new InterpretedScan(scan, interpreted.data(), notACaseRead);
        }
        if (interpreted.barcodeError() == null) {
            msg.setHeader(HEADER_GTIN, interpreted.data().gtin());
            msg.setHeader(HEADER_SERIAL, interpreted.data().serial());
        }
        msg.setBody(interpreted);
    }

    /** Decides from the scan and the looked-up record (header {@value #HEADER_RECORD}, null when unknown). */
    public void decide(Exchange exchange) {
        Message msg = exchange.getMessage();
        InterpretedScan in = msg.getBody(InterpretedScan.class);
        SerialSnapshot serial = snapshot(msg.getHeader(HEADER_RECORD, Map.class));
        Gs1Data data = in.data();
        Decision decision = decider.decide(in.scan().deviceKnown(), in.barcodeError(),
                data == null ? null : data.lot(), data == null ? null : data.expiry(), serial,
                stations.forStation(in.scan().station()), clock.instant());
        msg.setBody(new ScanOutcome(in, serial, decision));
    }

    /** Records the outcome transactionally; the exchange completes (and the device side is acked) after. */
    public List<HubEvent> record(Exchange exchange) throws SQLException {
        ScanOutcome outcome = exchange.getMessage().getBody(ScanOutcome.class);
        List<HubEvent> events = recorder.record(outcome);
        for (HubEvent e : events) {
            if ("scan.rejected".equals(e.type())) {
                counters.rejected(e.line(), e.reason());
                LOG.info("scan rejected: {} from {} on {}: {}", e.reason(), e.device(), e.line(), e.detail());
            } else if ("scan.accepted".equals(e.type()) || "tag.observed".equals(e.type())) {
                counters.accepted(e.line());
            }
        }
        activity.recorded(events);
        listeners.recorded(outcome.scan().scan(), events);
        exchange.getMessage().setBody(events);
        return events;
    }

    private static SerialSnapshot snapshot(Map<?, ?> raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        // H2 reports column labels in upper case, PostgreSQL in lower case
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        raw.forEach((k, v) -> row.put(String.valueOf(k), v));
        return new SerialSnapshot((String) row.get("gtin"), (String) row.get("serial"), (String) row.get("lot"),
                toDate(row.get("expiry")), (String) row.get("status"), toInstant(row.get("last_accepted_at")), (String) row.get("last_accepted_station"),
                (String) row.get("product_name"));
    }

    private static LocalDate toDate(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        return v instanceof java.sql.Date d ? d.toLocalDate() : null;
    }

    private static Instant toInstant(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        return v instanceof Instant i ? i : null;
    }
}
