package io.linehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.scan.DeadLetterReplay;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** GET /api/dead-letters (newest first, ?limit=) and POST /api/dead-letters/{id}/replay. */
public final class DeadLetterApi {

    private final DeadLetterReplay replay;
    private final ObjectMapper json;

    public DeadLetterApi(DeadLetterReplay replay, ObjectMapper json) {
        this.replay = replay;
        this.json = json;
    }

    public void list(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        int limit = msg.getHeader("limit", 100, Integer.class);
        JsonAnswer.set(msg, 200, json.writeValueAsString(replay.recent(limit)));
    }

    public void replay(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        String idText = msg.getHeader("id", String.class);
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            JsonAnswer.set(msg, 400, json.writeValueAsString(Map.of("error", "dead letter id must be a number")));
            return;
        }
        DeadLetterReplay.Result result = replay.replay(id);
        int status = result.replayed() ? 200 : result.message().startsWith("no dead letter") ? 404 : 409;
        JsonAnswer.set(msg, status, json.writeValueAsString(result));
    }
}
