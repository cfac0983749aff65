package io.linehub.rfid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Reads Impinj IoT Device Interface events ({@code eventType}, {@code tagInventoryEvent}) from R700-class readers. */
final class ImpinjReadShape {

    private static final String TAG_INVENTORY = "tagInventory";
    private static final double CENTI_DBM_PER_DBM = 100;

    private final boolean epcIsHex;

    /** @param epcIsHex whether {@code tagInventoryEvent.epc} holds hex instead of the documented base64url */
    ImpinjReadShape(boolean epcIsHex) {
        this.epcIsHex = epcIsHex;
    }

    static boolean matches(JsonNode element) {
        return element.has("eventType") || element.has("tagInventoryEvent");
    }

    ElementOutcome read(JsonNode element, Instant receivedAt) {
        JsonNode eventType = element.get("eventType");
        // the stream also carries inventory status, GPI and diagnostic events: not tag reads, not errors
        if (eventType != null && !TAG_INVENTORY.equals(eventType.asText())) {
            return ElementOutcome.HEARTBEAT;
        }
        JsonNode event = element.get("tagInventoryEvent");
        if (event == null || !event.isObject()) {
            return new ElementOutcome.Rejected("missing tagInventoryEvent object");
        }
        String epc = epcHex(event);
        int antenna = ReadFields.antenna(event, "antennaPort", "tagInventoryEvent.antennaPort");
        Integer rssi = ReadFields.rssi(event, "peakRssiCdbm", CENTI_DBM_PER_DBM);
        Instant readAt = ReadTimestamps.parse(element.get("timestamp"));
        if (readAt == null) {
            readAt = ReadTimestamps.parse(event.get("lastSeenTime"));
        }
        String reader = ReadFields.firstText(element, "hostname", "hostName");
        return new ElementOutcome.Read(new TagRead(epc, antenna, rssi, readAt == null ? receivedAt : readAt, reader));
    }

    private String epcHex(JsonNode event) {
        if (event.hasNonNull("epcHex")) {
            return ReadFields.requiredEpcText(event, "epcHex", "tagInventoryEvent.epcHex");
        }
        String epc = ReadFields.requiredEpcText(event, "epc", "tagInventoryEvent.epc or epcHex");
        return epcIsHex ? epc : EpcHex.fromBase64Url(epc);
    }
}
