package io.linehub.deploy;

import java.util.Map;

/**
 * One entry of a service's {@code ports} as {@code docker-compose config} renders it: the short string
 * ({@code "127.0.0.1:8080:8080/tcp"}, docker-compose 1.x) or the long form with {@code host_ip} (Compose v2).
 * An empty host address means every interface of the host.
 */
record PublishedPort(String hostIp, String published, String target) {

    static PublishedPort of(Object entry) {
        if (entry instanceof Map<?, ?> map) {
            return new PublishedPort(text(map.get("host_ip")), text(map.get("published")), text(map.get("target")));
        }
        String spec = String.valueOf(entry);
        int slash = spec.indexOf('/');
        String[] parts = (slash >= 0 ? spec.substring(0, slash) : spec).split(":");
        return switch (parts.length) {
            case 3 -> new PublishedPort(parts[0], parts[1], parts[2]);
            case 2 -> new PublishedPort("", parts[0], parts[1]);
            // only a container port: Docker picks a host port on every interface
            default -> new PublishedPort("", "", parts[0]);
        };
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
