package io.linehub.relay;

import io.linehub.epcis.EpcisDocuments;
import java.util.Map;
import java.util.Set;

/**
 * Where events go: an HTTP endpoint (ERP, WMS), the hub's MQTT event topics, or a partner route
 * subscribed with an {@code outbox:} consumer.
 *
 * @param types   event types taken, {@code *} for all
 * @param lines   lines whose events are taken, empty for all
 * @param authEnv name of the environment variable holding the Authorization header value
 */
public record Destination(String name, Kind kind, String url, Set<String> types, Set<String> lines, String format,
                          int batchSize, Map<String, String> headers, String authEnv) {

    public static final String FORMAT_JSON = "json";
    /** GS1 EPCIS 2.0 JSON-LD documents, one per batch. */
    public static final String FORMAT_EPCIS = "epcis";

    /** How a destination is reached. */
    public enum Kind { HTTP, MQTT, ROUTE }

    public Destination {
        types = Set.copyOf(types);
        lines = Set.copyOf(lines);
        headers = Map.copyOf(headers);
        batchSize = Math.max(1, batchSize);
    }

    /** An EPCIS destination takes only the types EPCIS reports, whatever its list says. */
    public boolean takes(String type, String line) {
        if (FORMAT_EPCIS.equals(format) && !EpcisDocuments.maps(type)) {
            return false;
        }
        return (types.contains("*") || types.contains(type)) && (lines.isEmpty() || lines.contains(line));
    }
}
