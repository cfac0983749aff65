package io.linehub.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side of the {@link EventReceiver}: POSTed events into the ledger, GET a summary, injected faults. */
final class EventHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final EventLedger ledger;
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    EventHandler(String prefix, EventLedger ledger) {
        this.prefix = prefix;
        this.ledger = ledger;
    }

    void respondWith(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        this.status = status;
    }

    void delayResponses(Duration delay) {
        this.delay = delay.isNegative() ? Duration.ZERO : delay;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant receivedAt = Instant.now();
            String path = exchange.getRequestURI().getPath();
            if (!underPrefix(path)) {
                respond(exchange, 404, "{\"error\":\"no such path\"}");
            } else if ("POST".equals(exchange.getRequestMethod())) {
                post(exchange, receivedAt);
            } else if ("GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, summaryJson());
            } else {
                respond(exchange, 405, "{\"error\":\"POST events, GET a summary\"}");
            }
        }
    }

    private boolean underPrefix(String path) {
        return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    String summaryJson() {
        EventLedger.Snapshot counts = ledger.snapshot();
        ObjectNode root = JSON.createObjectNode()
                .put("posts", counts.posts())
                .put("failedPosts", counts.failedPosts())
                .put("badRequests", counts.badRequests())
                .put("events", counts.arrivals())
                .put("distinct", counts.distinct())
                .put("duplicates", counts.duplicates());
        putCounts(root.putObject("byType"), counts.byType());
        putCounts(root.putObject("byReason"), counts.byReason());
        LatencyHistogram latency = counts.latency();
        root.putObject("latencyMicros")
                .put("count", latency.count())
                .put("p50", latency.percentile(50))
                .put("p99", latency.percentile(99))
                .put("p999", latency.percentile(99.9))
                .put("max", latency.max());
        return root.toString();
    }

    private void post(HttpExchange exchange, Instant receivedAt) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Duration stall = delay;
        if (!stall.isZero() && !sleep(stall)) {
            return;
        }
        int answer = status;
        if (answer < 200 || answer > 299) {
            ledger.recordFailedPost();
            respond(exchange, answer, "{\"error\":\"injected failure\"}");
            return;
        }
        List<ReceivedEvent> batch;
        try {
            batch = parse(body, receivedAt);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            ledger.recordBadRequest();
            LOG.warn("Event receiver rejected a POST to {}: {}", exchange.getRequestURI(), e.getMessage());
            respond(exchange, 400, JSON.createObjectNode().put("error", String.valueOf(e.getMessage())).toString());
            return;
        }
        ledger.recordPost(batch);
        respond(exchange, answer, "{\"accepted\":" + batch.size() + "}");
    }

    private static List<ReceivedEvent> parse(byte[] body, Instant receivedAt) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new IllegalArgumentException("body must be an event object or an array of them");
        }
        List<ReceivedEvent> batch = new ArrayList<>();
        for (JsonNode event : root.isArray() ? root : List.of(root)) {
            batch.add(ReceivedEvent.parse(event, receivedAt));
        }
        return batch;
    }

    private static void putCounts(ObjectNode target, Map<String, Long> counts) {
        counts.forEach(target::put);
    }

    /** False when interrupted, i.e. the receiver is stopping and the exchange should just be dropped. */
    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        boolean noBody = status == 204 || status == 304;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
