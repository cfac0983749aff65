package io.linehub.rfid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Reads linehub's own plain shape, {@code {"epc": "HEX", "antenna": 1, "rssi": -52, "ts": "..."}}, which also
 * covers Impinj ItemSense item events ({@code epc}, {@code observationTime}).
 */
final class PlainReadShape {

    private PlainReadShape() {
    }

    static boolean matches(JsonNode element) {
        return element.has("epc");
    }

    static ElementOutcome read(JsonNode element, Instant receivedAt) {
        String epc = ReadFields.requiredEpcText(element, "epc", "epc");
        int antenna = ReadFields.antenna(element, "antenna", "antenna");
        Integer rssi = ReadFields.rssi(element, "rssi", 1);
        Instant readAt = firstTimestamp(element, "ts", "timestamp", "observationTime");
        String reader = ReadFields.firstText(element, "hostname", "hostName", "reader");
        return new ElementOutcome.Read(new TagRead(epc, antenna, rssi, readAt == null ? receivedAt : readAt, reader));
    }

    private static Instant firstTimestamp(JsonNode element, String... fields) {
        for (String field : fields) {
            Instant instant = ReadTimestamps.parse(element.get(field));
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }
}
