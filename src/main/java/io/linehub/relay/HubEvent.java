package io.linehub.relay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An event as the contract defines it, for the HTTP relay and the MQTT event topics alike.
 *
 * @param children the units packed into the case {@code sscc} ({@code gtin}, {@code serial}, {@code epc} when
 *                 read by RFID), for {@code aggregation.packed} only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HubEvent(String eventId, String type, String occurredAt, String line, String device, String station,
                       String gtin, String serial, String lot, String expiry, String sscc, String epc,
                       Map<String, Object> product, String status, String reason, String detail, String barcode,
                       List<Map<String, String>> children) {

    public HubEvent(String eventId, String type, String occurredAt, String line, String device, String station,
                    String gtin, String serial, String lot, String expiry, String sscc, String epc,
                    Map<String, Object> product, String status, String reason, String detail, String barcode) {
        this(eventId, type, occurredAt, line, device, station, gtin, serial, lot, expiry, sscc, epc, product, status,
                reason, detail, barcode, null);
    }
}
