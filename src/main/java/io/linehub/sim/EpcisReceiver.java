package io.linehub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in serialization partner that takes EPCIS 2.0 documents by HTTP POST on loopback: it answers
 * 400 to anything that is not an EPCISDocument with events, counts events by type and business step,
 * notices repeated eventIDs, and keeps the last documents for inspection.
 */
public final class EpcisReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EpcisReceiver.class);
    private static final int KEPT_DOCUMENTS = 1000;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final String path;
    private final Deque<JsonNode> documents = new ArrayDeque<>();
    private final Map<String, Long> eventsByStep = new TreeMap<>();
    private final Set<String> eventIds = new HashSet<>();
    private long events;
    private long repeats;
    private HttpServer server;
    private java.util.concurrent.ExecutorService executor;

    /** @param port loopback port, 0 for any free one */
    public EpcisReceiver(int port, String path) {
        this.port = port;
        this.path = path;
    }

    public synchronized EpcisReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "epcis-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(path, this::handle);
        server.start();
        LOG.info("EPCIS receiver listening on {}", url());
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            if (!"POST".equals(http.getRequestMethod())) {
                answer(http, 405, "POST an EPCIS document");
                return;
            }
            byte[] body;
            try (InputStream in = http.getRequestBody()) {
                body = in.readNBytes(MAX_BODY);
            }
            JsonNode document;
            try {
                document = json.readTree(body);
            } catch (IOException e) {
                answer(http, 400, "not JSON: " + e.getMessage());
                return;
            }
            JsonNode eventList = document.path("epcisBody").path("eventList");
            if (!"EPCISDocument".equals(document.path("type").asText()) || !eventList.isArray()
                    || eventList.isEmpty()) {
                answer(http, 400, "not an EPCISDocument with events");
                return;
            }
            record(document, eventList);
            answer(http, 202, "");
        }
    }

    private synchronized void record(JsonNode document, JsonNode eventList) {
        for (JsonNode event : eventList) {
            events++;
            eventsByStep.merge(event.path("type").asText() + "/" + event.path("bizStep").asText(), 1L, Long::sum);
            if (!eventIds.add(event.path("eventID").asText())) {
                repeats++;
            }
        }
        documents.addLast(document);
        if (documents.size() > KEPT_DOCUMENTS) {
            documents.removeFirst();
        }
    }

    private static void answer(HttpExchange http, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The last documents received (up to {@value #KEPT_DOCUMENTS}), oldest first. */
    public synchronized List<JsonNode> documents() {
        return new ArrayList<>(documents);
    }

    /** Every event received, from the documents kept, oldest first. */
    public synchronized List<JsonNode> events() {
        List<JsonNode> all = new ArrayList<>();
        documents.forEach(d -> d.path("epcisBody").path("eventList").forEach(all::add));
        return all;
    }

    public synchronized long eventCount() {
        return events;
    }

    public synchronized long repeatCount() {
        return repeats;
    }

    /** Counts by "{type}/{bizStep}", e.g. {@code AggregationEvent/packing}. */
    public synchronized Map<String, Long> countsByStep() {
        return new TreeMap<>(eventsByStep);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
