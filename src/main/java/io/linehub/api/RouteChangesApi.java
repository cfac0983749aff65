package io.linehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.routes.RouteChanges;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** GET /api/route-changes: the route file changes the hub saw (applied, refused, removed, failed), newest first. */
public final class RouteChangesApi {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    private final RouteChanges changes;
    private final ObjectMapper json;

    public RouteChangesApi(RouteChanges changes, ObjectMapper json) {
        this.changes = changes;
        this.json = json;
    }

    /** {@code ?limit=N} (default 50, at most 1000). */
    public void list(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        String limitText = msg.getHeader("limit", String.class);
        int limit;
        try {
            limit = limitText == null || limitText.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limitText.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            JsonAnswer.set(msg, 400, json.writeValueAsString(
                    Map.of("error", "limit must be a whole number from 1 to " + MAX_LIMIT)));
            return;
        }
        JsonAnswer.set(msg, 200, json.writeValueAsString(changes.newest(limit)));
    }
}
