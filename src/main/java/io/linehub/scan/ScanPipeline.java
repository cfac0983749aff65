package io.linehub.scan;

import io.linehub.gs1.Gs1Data;
import io.linehub.gs1.Gs1Error;
import io.linehub.gs1.Gs1Parser;
import io.linehub.gs1.ParseResult;
import io.linehub.ops.HubCounters;
import io.linehub.ops.ScanActivity;
import io.linehub.packing.CaseWindows;
import io.linehub.relay.HubEvent;
import io.linehub.rules.Decision;
import io.linehub.rules.ScanDecider;
import io.linehub.rules.SerialSnapshot;
import io.linehub.rules.StationRules;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-scan steps of routes/scan-pipeline.camel.yaml: read the barcode (in the route, on the input's
 * thread), and for the group commit ({@link ScanBatcher}) decide and the bookkeeping after the commit.
 */
public final class ScanPipeline {

    public static final String HEADER_GTIN = "linehubGtin";
    public static final String HEADER_SERIAL = "linehubSerial";

    private static final Logger LOG = LoggerFactory.getLogger(ScanPipeline.class);

    private final Gs1Parser parser;
    private final ScanDecider decider;
    private final StationRules stations;
    private final HubCounters counters;
    private final ScanOutcomeListeners listeners;
    private final ScanActivity activity;
    private final CaseWindows cases;

    public ScanPipeline(Gs1Parser parser, ScanDecider decider, StationRules stations,
                        HubCounters counters, ScanActivity activity, ScanOutcomeListeners listeners, CaseWindows cases) {
        this.parser = parser;
        this.decider = decider;
        this.stations = stations;
        this.counters = counters;
        this.listeners = listeners;
        this.activity = activity;
        this.cases = cases;
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

    /** Decides from the scan and its serial's master data (null when unknown), as of {@code now}. */
    public ScanOutcome decide(InterpretedScan in, SerialSnapshot serial, Instant now) {
        Gs1Data data = in.data();
        Decision decision = decider.decide(in.scan().deviceKnown(), in.barcodeError(),
                data == null ? null : data.lot(), data == null ? null : data.expiry(), serial,
                stations.forStation(in.scan().station()), now);
        return new ScanOutcome(in, serial, decision);
    }

    /** After the commit of a scan's outcome: counters, activity and listeners (print verification). */
    public void recorded(ScanOutcome outcome, List<HubEvent> events) {
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
    }
}
