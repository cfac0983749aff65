package io.linehub.scan;

import io.linehub.db.Transaction;
import io.linehub.gs1.Gs1Data;
import io.linehub.relay.EventRecorder;
import io.linehub.relay.HubEvent;
import io.linehub.relay.ScanEvents;
import io.linehub.rules.Decision;
import io.linehub.rules.Rejection;
import io.linehub.rules.SerialSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up, decides and records a batch of interpreted scans in one transaction, in their order: one
 * master-data query, JDBC batches for the writes, one commit. A scan is decided on its serial as the scans
 * before it in the batch left it, so two scans of one serial in a batch decide as they would one by one.
 */
final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** A scan's recorded outcome; no events when it was recorded before (a redelivered input). */
    record Recorded(ScanOutcome outcome, List<HubEvent> events) {
    }

    private final DataSource dataSource;
    private final ScanPipeline pipeline;
    private final EventRecorder recorder;
    private final Clock clock;

    GroupCommit(DataSource dataSource, ScanPipeline pipeline, EventRecorder recorder, Clock clock) {
        this.dataSource = dataSource;
        this.pipeline = pipeline;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Records the scans in one transaction; a failure rolls back all of them. */
    List<Recorded> record(List<InterpretedScan> scans) throws SQLException {
        List<Recorded> recorded = Transaction.run(dataSource, c -> recordIn(c, scans));
        recorder.committed();
        return recorded;
    }

    private List<Recorded> recordIn(Connection c, List<InterpretedScan> scans) throws SQLException {
        List<String> eventIds = new ArrayList<>(scans.size());
        String[] resent = EventRecorder.resentEventIds(c, scans.stream().map(InterpretedScan::scan).toList());
        for (int i = 0; i < scans.size(); i++) {
            if (resent[i] != null) {
                LOG.info("scan from {} is a resend of the delivery recorded as event {}: not recorded again",
                        scans.get(i).scan().device(), resent[i]);
            }
            eventIds.add(resent[i] != null ? resent[i] : ScanEvents.eventIdFor(scans.get(i).scan()));
        }
        Set<String> done = EventRecorder.recordedAmong(c, new LinkedHashSet<>(eventIds));
        Map<SerialLookup.Key, SerialSnapshot> serials = SerialLookup.find(c, keysOf(scans));
        Instant now = clock.instant();
        OffsetDateTime stamp = recorder.acceptanceTime();

        ScanOutcome[] outcomes = new ScanOutcome[scans.size()];
        List<EventRecorder.Acceptance> acceptances = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            InterpretedScan in = scans.get(i);
            // recorded before, or the same message twice in this batch (a redelivery that overtook its ack)
            if (!done.add(eventIds.get(i))) {
                continue;
            }
            SerialLookup.Key key = keyOf(in);
            ScanOutcome outcome = pipeline.decide(in, key == null ? null : serials.get(key), now);
            outcomes[i] = outcome;
            if (outcome.decision().accepted()) {
                acceptances.add(new EventRecorder.Acceptance(outcome, eventIds.get(i)));
                accepted.add(i);
                serials.put(key, afterAcceptance(outcome, stamp));
            }
        }
        boolean[] moved = recorder.markAccepted(c, acceptances, stamp);
        for (int j = 0; j < moved.length; j++) {
            if (!moved[j]) {
                int i = accepted.get(j);
                outcomes[i] = new ScanOutcome(outcomes[i].scan(), outcomes[i].serial(),
                        Decision.reject(Rejection.DUPLICATE, EventRecorder.ACCEPTED_CONCURRENTLY));
            }
        }

        List<Recorded> recorded = new ArrayList<>(scans.size());
        List<HubEvent> all = new ArrayList<>(scans.size() + 8);
        Map<String, String> deliveryKeys = new HashMap<>();
        for (int i = 0; i < scans.size(); i++) {
            ScanOutcome outcome = outcomes[i];
            if (outcome == null) {
                recorded.add(new Recorded(new ScanOutcome(scans.get(i), null, null), List.of()));
                continue;
            }
            List<HubEvent> events = ScanEvents.build(eventIds.get(i), outcome.scan(), outcome.serial(),
                    outcome.decision());
            all.addAll(events);
            recorded.add(new Recorded(outcome, events));
            Delivery delivery = scans.get(i).scan().delivery();
            if (delivery != null) {
                deliveryKeys.put(eventIds.get(i), delivery.key());
            }
        }
        recorder.enqueueAllIn(c, all, deliveryKeys);
        return recorded;
    }

    /** The serial as an acceptance leaves it: what the next scan of it in the batch is decided on. */
    private static SerialSnapshot afterAcceptance(ScanOutcome outcome, OffsetDateTime stamp) {
        SerialSnapshot s = outcome.serial();
        String next = outcome.decision().newStatus();
        return new SerialSnapshot(s.gtin(), s.serial(), s.lot(), s.expiry(), next != null ? next : s.status(),
                stamp.toInstant(), outcome.scan().scan().station(), s.productName());
    }

    private static Set<SerialLookup.Key> keysOf(List<InterpretedScan> scans) {
        Set<SerialLookup.Key> keys = new HashSet<>();
        for (InterpretedScan in : scans) {
            SerialLookup.Key key = keyOf(in);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The serial a usable barcode names; null when the barcode is unusable (nothing to look up). */
    private static SerialLookup.Key keyOf(InterpretedScan in) {
        Gs1Data data = in.data();
        return in.barcodeError() != null || data == null ? null : new SerialLookup.Key(data.gtin(), data.serial());
    }
}
