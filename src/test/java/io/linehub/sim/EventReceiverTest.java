package io.linehub.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventReceiverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EventReceiver receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void recordsASingleEventObjectAndAnArrayOfEvents() throws Exception {
        receiver = started(true);

        assertEquals(200, post(receiver.url(), event("e1", "scan.accepted", "line-1", null)), "object POST accepted");
        assertEquals(200, post(receiver.url() + "/batch", "[" + event("e2", "scan.rejected", "line-1", "DUPLICATE")
                + "," + event("e3", "serial.commissioned", "line-2", null) + "]"), "array POST below the prefix accepted");

        assertEquals(3, receiver.distinctCount(), "three distinct events");
        assertEquals(2, receiver.postCount(), "two POSTs");
        assertEquals(Map.of("scan.accepted", 1L, "scan.rejected", 1L, "serial.commissioned", 1L),
                receiver.countsByType(), "counted by type");
        assertEquals(Map.of("DUPLICATE", 1L), receiver.countsByReason(), "counted by reason");
        assertEquals(List.of("e1", "e2", "e3"), receiver.events().stream().map(ReceivedEvent::eventId).toList(),
                "events kept in arrival order");
        ReceivedEvent first = receiver.events().get(0);
        assertEquals("09501101530003", first.gtin(), "contract fields are read");
        assertEquals("Paracetamol 500 mg tablets", first.product().path("name").asText(), "nested product kept");
    }

    @Test
    void countsARepeatedEventIdAsADuplicateAndListsFirstArrivalsPerLine() throws Exception {
        receiver = started(true);

        post(receiver.url(), event("a", "scan.accepted", "line-1", null));
        post(receiver.url(), event("b", "scan.accepted", "line-2", null));
        post(receiver.url(), "[" + event("a", "scan.accepted", "line-1", null) + ","
                + event("c", "scan.accepted", "line-1", null) + "]");

        assertEquals(3, receiver.distinctCount(), "a, b, c are distinct");
        assertEquals(1, receiver.duplicateCount(), "the second a is a duplicate");
        assertEquals(4, receiver.eventCount(), "four arrivals in all");
        assertEquals(3, receiver.countOfType("scan.accepted"), "type counts ignore the repeat");
        assertEquals(List.of("a", "c"), receiver.eventsForLine("line-1").stream().map(ReceivedEvent::eventId).toList(),
                "eventsForLine lists first arrivals only, in order");
        assertTrue(receiver.events().get(2).repeat(), "the repeat is flagged in events()");
        assertTrue(receiver.awaitDistinct(3, Duration.ofMillis(10)), "awaitDistinct returns once reached");
        assertFalse(receiver.awaitDistinct(4, Duration.ofMillis(50)), "awaitDistinct times out when not reached");
    }

    @Test
    void answersWithTheInjectedStatusWithoutRecordingUntilReset() throws Exception {
        receiver = started(true);
        receiver.respondWith(500);

        assertEquals(500, post(receiver.url(), event("x", "scan.accepted", "line-1", null)), "injected 500 returned");
        assertEquals(0, receiver.distinctCount(), "a failed request records nothing");
        assertEquals(1, receiver.failedPostCount(), "the failed request is counted as failed");

        receiver.reset();
        assertEquals(200, post(receiver.url(), event("x", "scan.accepted", "line-1", null)), "200 after reset");
        assertEquals(1, receiver.distinctCount(), "the retried event is recorded once, not as a duplicate");
        assertEquals(0, receiver.duplicateCount(), "no duplicate: the first attempt was never accepted");
    }

    @Test
    void refusesConnectionsUntilToldToAcceptThemAgainOnTheSamePort() throws Exception {
        receiver = started(true);
        int port = receiver.port();
        receiver.refuseConnections();

        assertThrows(ConnectException.class, () -> post(receiver.url(), event("r", "scan.accepted", "line-1", null)),
                "connections are refused");

        receiver.acceptConnections();
        assertEquals(port, receiver.port(), "same port after accepting again");
        assertEquals(200, post(receiver.url(), event("r", "scan.accepted", "line-1", null)), "accepted again");
        assertEquals(1, receiver.distinctCount(), "event recorded after reconnect");
    }

    @Test
    void delayedResponsesMakeAClientWithAShorterTimeoutGiveUp() {
        receiver = started(true);
        receiver.delayResponses(Duration.ofSeconds(2));
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(event("d", "scan.accepted", "line-1", null))).build();

        assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()),
                "client times out while the receiver stalls");

        await().atMost(Duration.ofSeconds(5)).until(receiver::distinctCount, n -> n == 1);
        assertEquals(1, receiver.distinctCount(), "the slow receiver still committed the event, as a slow ERP would");
    }

    @Test
    void rejectsBodiesThatBreakTheEventContractWith400() throws Exception {
        receiver = started(true);

        assertEquals(400, post(receiver.url(), "not json"), "malformed JSON rejected");
        assertEquals(400, post(receiver.url(), "{\"type\":\"scan.accepted\"}"), "missing eventId rejected");
        assertEquals(400, post(receiver.url(), "{\"eventId\":\"z\",\"type\":\"scan.accepted\","
                + "\"occurredAt\":\"2026-01-01T10:00:00\"}"), "occurredAt without offset rejected");
        assertEquals(3, receiver.badRequestCount(), "bad requests counted");
        assertEquals(0, receiver.distinctCount(), "nothing recorded");
    }

    @Test
    void answersGetOnThePrefixWithASummaryAnd404Elsewhere() throws Exception {
        receiver = started(true);
        post(receiver.url(), event("s1", "scan.rejected", "line-1", "UNKNOWN_SERIAL"));
        post(receiver.url(), event("s1", "scan.rejected", "line-1", "UNKNOWN_SERIAL"));

        HttpResponse<String> summary = http.send(HttpRequest.newBuilder(URI.create(receiver.url())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode counts = JSON.readTree(summary.body());
        assertEquals(200, summary.statusCode(), "GET answered");
        assertEquals(1, counts.path("distinct").asLong(), "summary has distinct count");
        assertEquals(1, counts.path("duplicates").asLong(), "summary has duplicate count");
        assertEquals(1, counts.path("byReason").path("UNKNOWN_SERIAL").asLong(), "summary has reason counts");
        assertTrue(counts.path("latencyMicros").has("p99"), "summary has latency percentiles");

        String elsewhere = "http://127.0.0.1:" + receiver.port() + "/erp/eventsX";
        assertEquals(404, post(elsewhere, event("s2", "scan.accepted", "line-1", null)), "path outside prefix is 404");
    }

    @Test
    void measuresLatencyFromOccurredAtToArrival() throws Exception {
        receiver = started(true);
        OffsetDateTime twoSecondsAgo = OffsetDateTime.now(ZoneOffset.ofHours(2)).minusSeconds(2);
        post(receiver.url(), "{\"eventId\":\"l\",\"type\":\"scan.accepted\",\"occurredAt\":\"" + twoSecondsAgo + "\"}");

        long p50 = receiver.latencyMicros().percentile(50);
        assertTrue(p50 >= 1_980_000 && p50 < 10_000_000, "latency is about two seconds: " + p50 + " µs");
    }

    @Test
    void boundedModeKeepsMemoryBoundedAfterManyEventsWhileCountsStayExact() throws Exception {
        receiver = started(false);
        int total = 150_000;
        int perPost = 1_000;
        for (int from = 0; from < total; from += perPost) {
            StringBuilder body = new StringBuilder("[");
            String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
            for (int i = from; i < from + perPost; i++) {
                body.append(i > from ? "," : "")
                        .append(event(UUID.randomUUID().toString(), "scan.accepted", "line-1", null, now));
            }
            assertEquals(200, post(receiver.url(), body.append(']').toString()), "batch accepted");
        }

        assertEquals(total, receiver.distinctCount(), "distinct count exact");
        assertEquals(total, receiver.countOfType("scan.accepted"), "type count exact");
        assertEquals(total, receiver.latencyMicros().count(), "every first arrival timed");
        assertEquals(1_000, receiver.events().size(), "only the last 1,000 events kept");
        assertTrue(receiver.trackedEventIds() <= 100_000, "eventId memory bounded: " + receiver.trackedEventIds());
    }

    @Test
    void startingOnATakenPortFailsWithAClearException() {
        receiver = started(true);
        EventReceiver second = new EventReceiver(receiver.port(), "/erp/events", true);

        PortInUseException failure = assertThrows(PortInUseException.class, second::start, "second receiver refused");
        assertEquals(receiver.port(), failure.port(), "the exception names the port");
    }

    private EventReceiver started(boolean keepAll) {
        EventReceiver started = new EventReceiver(0, "/erp/events", keepAll);
        started.start();
        return started;
    }

    private int post(String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String event(String id, String type, String line, String reason) {
        return event(id, type, line, reason, OffsetDateTime.now(ZoneOffset.UTC).toString());
    }

    private static String event(String id, String type, String line, String reason, String occurredAt) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + occurredAt + "\",\"line\":\"" + line + "\",\"device\":\"scanner-1\","
                + "\"gtin\":\"09501101530003\",\"serial\":\"SN00000001\",\"lot\":\"L2600\",\"expiry\":\"2028-01-31\","
                + "\"product\":{\"gtin\":\"09501101530003\",\"name\":\"Paracetamol 500 mg tablets\"},"
                + "\"status\":\"commissioned\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }
}
