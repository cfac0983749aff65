package io.linehub.relay;

import io.linehub.gs1.Gs1Data;
import io.linehub.rules.Decision;
import io.linehub.rules.SerialSnapshot;
import io.linehub.scan.InterpretedScan;
import io.linehub.scan.Scan;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the contract's events for a decided scan. */
public final class ScanEvents {

    private static final int BARCODE_ECHO_MAX = 256;

    private ScanEvents() {
    }

    /**
     * A scan that carries the scanner's own timestamp gets a name-based id, so the same MQTT message
     * redelivered after a crash maps to the same event and is recorded once.
     */
    public static String eventIdFor(Scan scan) {
        if (scan.deviceTime() == null) {
            return UUID.randomUUID().toString();
        }
        String key = scan.device() + '\n' + scan.deviceTime() + '\n' + scan.data();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static List<HubEvent> build(String eventId, InterpretedScan in, SerialSnapshot serial, Decision decision) {
        Scan scan = in.scan();
        Gs1Data data = in.data();
        String occurredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(scan.occurredAt().atOffset(ZoneOffset.UTC));
        Map<String, Object> product = null;
        if (serial != null) {
            product = new LinkedHashMap<>();
            product.put("gtin", serial.gtin());
            product.put("name", serial.productName());
        }
        String gtin = data == null ? null : data.gtin();
        String sn = data == null ? null : data.serial();
        String lot = data == null ? null : data.lot();
        LocalDate expiry = data == null ? null : data.expiry();
        String sscc = data == null ? null : data.sscc();
        String expiryText = expiry == null ? null : expiry.toString();
        List<HubEvent> events = new ArrayList<>(2);
        if (decision.accepted()) {
            String status = decision.newStatus() != null ? decision.newStatus() : serial.status();
            // an RFID observation is reported as tag.observed, carrying its EPC
            events.add(new HubEvent(eventId, scan.epc() == null ? "scan.accepted" : "tag.observed", occurredAt,
                    scan.line(), scan.device(), scan.station(), gtin, sn, lot, expiryText, sscc, scan.epc(), product,
                    status, null, null, null));
            if ("commissioned".equals(decision.newStatus())) {
                String id = UUID.nameUUIDFromBytes((eventId + "/serial.commissioned")
                        .getBytes(StandardCharsets.UTF_8)).toString();
                events.add(new HubEvent(id, "serial.commissioned", occurredAt, scan.line(), scan.device(),
                        scan.station(), gtin, sn, serial.lot(), serial.expiry() == null ? null
                        : serial.expiry().toString(), null, null, product, "commissioned", null, null, null));
            }
        } else {
            String barcode = scan.data() == null ? null
                    : scan.data().length() > BARCODE_ECHO_MAX ? scan.data().substring(0, BARCODE_ECHO_MAX) : scan.data();
            events.add(new HubEvent(eventId, "scan.rejected", occurredAt, scan.line(), scan.device(), scan.station(),
                    gtin, sn, lot, expiryText, sscc, scan.epc(), product, serial == null ? null : serial.status(),
                    decision.rejection().name(), decision.detail(), barcode));
        }
        return events;
    }
}
