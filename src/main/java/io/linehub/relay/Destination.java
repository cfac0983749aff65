package io.linehub.relay;

import java.util.Map;
import java.util.Set;

/**
 * Where events go: an HTTP endpoint (ERP, WMS, partners) or the hub's MQTT event topics.
 *
 * @param types   event types taken, {@code *} for all
 * @param authEnv name of the environment variable holding the Authorization header value
 */
public record Destination(String name, Kind kind, String url, Set<String> types, String format, int batchSize,
                          Map<String, String> headers, String authEnv) {

    /** How a destination is reached. */
    public enum Kind { HTTP, MQTT }

    public Destination {
        types = Set.copyOf(types);
        headers = Map.copyOf(headers);
        batchSize = Math.max(1, batchSize);
    }

    public boolean takes(String type) {
        return types.contains("*") || types.contains(type);
    }
}
