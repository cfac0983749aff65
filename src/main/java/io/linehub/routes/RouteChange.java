package io.linehub.routes;

import java.time.Instant;
import java.util.List;

/**
 * One recorded attempt to change the hub's routes from a file, as kept in table {@code route_change}.
 *
 * @param id       the audit row's id, 0 before it is stored
 * @param file     the file as named on the hub (e.g. {@code routes/partners/acme.camel.yaml})
 * @param checksum SHA-256 of the content (hex), null for a deleted file
 * @param routeIds the routes started (APPLIED) or stopped (REMOVED)
 * @param message  the problems, one {@code file:line: message} per line, or what went wrong; may be null
 */
public record RouteChange(long id, String file, String checksum, Instant changedAt, RouteChangeResult result,
                          List<String> routeIds, String message) {

    static final int MAX_MESSAGE = 2000;

    public RouteChange {
        routeIds = List.copyOf(routeIds);
        message = message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 3) + "...";
    }

    RouteChange withId(long newId) {
        return new RouteChange(newId, file, checksum, changedAt, result, routeIds, message);
    }

    /** One line for JMX and logs: when, what, which file, which routes, why. */
    public String summary() {
        return changedAt + " " + result + " " + file + " " + routeIds + (message == null ? "" : " " + message);
    }
}
