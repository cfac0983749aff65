package io.linehub.packing;

import io.linehub.db.Transaction;
import io.linehub.ops.HubCounters;
import io.linehub.ops.ScanActivity;
import io.linehub.relay.EventRecorder;
import io.linehub.relay.HubEvent;
import io.linehub.rules.Rejection;
import io.linehub.rules.StationRule;
import io.linehub.rules.StationRules;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packs one closed case group (routes/case-packing.camel.yaml): the units read with one SSCC become its
 * children in master data (status packed, parent recorded, history) and one {@code aggregation.packed}
 * event lists them; every unit that may not be packed is reported as {@code scan.rejected} with the
 * case's SSCC. All of it in one transaction with the events' outbox rows.
 */
public final class CasePacking {

    private static final Logger LOG = LoggerFactory.getLogger(CasePacking.class);

    private final DataSource dataSource;
    private final StationRules stations;
    private final EventRecorder recorder;
    private final HubCounters counters;
    private final ScanActivity activity;
    private final Clock clock;

    public CasePacking(DataSource dataSource, StationRules stations, EventRecorder recorder, HubCounters counters,
                       ScanActivity activity, Clock clock) {
        this.dataSource = dataSource;
        this.stations = stations;
        this.recorder = recorder;
        this.counters = counters;
        this.activity = activity;
        this.clock = clock;
    }

    /** @return the events recorded; empty when this group was recorded before (a recovered redelivery) */
    public List<HubEvent> pack(List<Map<String, String>> group) throws SQLException {
        List<CaseItem> items = group.stream().map(CaseItem::fromMap).toList();
        CaseItem first = items.get(0);
        Set<String> ssccs = new LinkedHashSet<>();
        Map<String, CaseItem> units = new LinkedHashMap<>();
        CaseItem label = null;
        for (CaseItem item : items) {
            if (item.isCase()) {
                ssccs.add(item.sscc());
                label = label == null ? item : label;
            } else {
                units.putIfAbsent(item.gtin() + '\n' + item.serial(), item);
            }
        }
        Instant closedAt = items.stream().map(CaseItem::readAt).max(Comparator.naturalOrder()).orElseThrow();
        String groupId = uuid(first.device() + '\n' + first.readAt() + '\n' + ssccs + '\n' + units.keySet());
        StationRule rule = stations.forStation(first.station());
        CaseItem caseLabel = label;
        List<HubEvent> events = Transaction.run(dataSource, c -> {
            List<HubEvent> out = new ArrayList<>();
            if (ssccs.size() != 1) {
                String why = ssccs.isEmpty() ? "no case label (SSCC) read with this unit"
                        : ssccs.size() + " cases " + ssccs + " read in one window: the unit's case is unknown";
                units.values().forEach(u -> out.add(rejected(groupId, u, null, UnitVerdict.reject(
                        Rejection.DATA_MISMATCH, why))));
            } else {
                String sscc = caseLabel.sscc();
                Instant now = clock.instant();
                CaseStore.ensureCase(c, sscc, caseLabel, now);
                List<Map<String, String>> children = new ArrayList<>();
                for (CaseItem unit : units.values()) {
                    UnitRecord record = CaseStore.find(c, unit.gtin(), unit.serial());
                    UnitVerdict verdict = UnitVerdict.of(unit, record, sscc, rule);
                    if (verdict.kind() == UnitVerdict.Kind.PACK && !CaseStore.pack(c, record, sscc,
                            rule.sets() != null ? rule.sets() : "packed", unit, groupId, now)) {
                        verdict = UnitVerdict.reject(Rejection.STATUS_CONFLICT, "changed concurrently while packing");
                    }
                    if (verdict.kind() == UnitVerdict.Kind.PACK) {
                        children.add(child(unit));
                    } else if (verdict.kind() == UnitVerdict.Kind.REJECT) {
                        out.add(rejected(groupId, unit, sscc, verdict));
                    }
                }
                if (!children.isEmpty()) {
                    out.add(0, new HubEvent(groupId, "aggregation.packed", iso(closedAt), caseLabel.line(),
                            caseLabel.device(), caseLabel.station(), null, null, null, null, sscc, caseLabel.epc(),
                            null, rule.sets() != null ? rule.sets() : "packed", null, null, null, children));
                }
            }
            // a group recovered after a crash between commit and confirm: its reports exist already
            List<HubEvent> fresh = new ArrayList<>(out.size());
            for (HubEvent e : out) {
                if (!EventRecorder.recorded(c, e.eventId())) {
                    fresh.add(e);
                }
            }
            recorder.enqueueIn(c, fresh);
            return fresh;
        });
        report(first, ssccs, events);
        activity.recorded(events);
        return events;
    }

    private void report(CaseItem first, Set<String> ssccs, List<HubEvent> events) {
        for (HubEvent e : events) {
            if ("aggregation.packed".equals(e.type())) {
                LOG.info("case {} packed by {} on {}: {} units", e.sscc(), e.device(), e.line(), e.children().size());
                counters.casePacked(e.line());
                e.children().forEach(u -> counters.accepted(e.line()));
            } else {
                counters.rejected(e.line(), e.reason());
                LOG.info("unit {}/{} not packed{} by {}: {} ({})", e.gtin(), e.serial(),
                        e.sscc() == null ? "" : " into case " + e.sscc(), e.device(), e.reason(), e.detail());
            }
        }
        if (events.isEmpty() && ssccs.size() == 1) {
            LOG.debug("case {} read again by {}: nothing new", ssccs, first.device());
        }
    }

    private static Map<String, String> child(CaseItem unit) {
        Map<String, String> child = new LinkedHashMap<>();
        child.put("gtin", unit.gtin());
        child.put("serial", unit.serial());
        if (unit.epc() != null) {
            child.put("epc", unit.epc());
        }
        return child;
    }

    private static HubEvent rejected(String groupId, CaseItem unit, String sscc, UnitVerdict verdict) {
        return new HubEvent(uuid(groupId + '/' + unit.gtin() + '/' + unit.serial()), "scan.rejected",
                iso(unit.readAt()), unit.line(), unit.device(), unit.station(), unit.gtin(), unit.serial(), unit.lot(),
                unit.expiry(), sscc, unit.epc(), null, null, verdict.rejection().name(), verdict.detail(), null);
    }

    private static String uuid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }
}
