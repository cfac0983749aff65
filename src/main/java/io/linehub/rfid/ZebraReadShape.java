package io.linehub.rfid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;

/** Reads Zebra IoT Connector (ZIOTC) data events: {@code data.idHex}, {@code data.antenna}, {@code data.peakRssi}. */
final class ZebraReadShape {

    private ZebraReadShape() {
    }

    /** Zebra events carry a {@code data} object, or are heartbeats identified only by {@code type}. */
    static boolean matches(JsonNode element) {
        return element.has("data") || isHeartbeat(element);
    }

    static ElementOutcome read(JsonNode element, Instant receivedAt) {
        if (isHeartbeat(element)) {
            return ElementOutcome.HEARTBEAT;
        }
        JsonNode data = element.get("data");
        if (!data.isObject()) {
            return new ElementOutcome.Rejected("Zebra data is not an object");
        }
        String epc = ReadFields.requiredEpcText(data, "idHex", "data.idHex");
        int antenna = ReadFields.antenna(data, "antenna", "data.antenna");
        Integer rssi = ReadFields.rssi(data, "peakRssi", 1);
        Instant readAt = ReadTimestamps.parse(element.get("timestamp"));
        // hostName shows up next to the tag data when access operations are configured, top-level on some firmware
        String reader = ReadFields.firstText(data, "hostName", "hostname");
        if (reader == null) {
            reader = ReadFields.firstText(element, "hostName", "hostname");
        }
        return new ElementOutcome.Read(new TagRead(epc, antenna, rssi, readAt == null ? receivedAt : readAt, reader));
    }

    private static boolean isHeartbeat(JsonNode element) {
        String type = ReadFields.text(element, "type");
        return type != null && type.strip().toLowerCase(Locale.ROOT).equals("heartbeat");
    }
}
