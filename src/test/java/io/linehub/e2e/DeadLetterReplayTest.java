package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A poison input lands in the persistent dead-letter store with its reason; dead letters are listed
 * over HTTP and replayed after a fix over HTTP and JMX.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterReplayTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private HubEnvironment env;
    private EventReceiver erp;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.destination.erp.types", "*"));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 200);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    private long insertDeadLetter(String source, String payload) throws Exception {
        try (Connection c = hub.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letter (source, payload, reason) VALUES (?,?,?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, source);
            ps.setString(2, payload);
            ps.setString(3, "java.sql.SQLException: simulated failure before the fix");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.httpUrl(path)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_store_a_poison_input_with_its_reason() throws Exception {
        // a line name longer than any line the schema can hold: the outcome cannot be recorded
        String line = "l".repeat(80);
        hub.publish(line, "scanner-poison", DemoCatalog.goodCode(1));
        await("stored as a dead letter").atMost(WAIT).until(() -> hub.httpGet("/api/dead-letters").contains(line));
        JsonNode letters = json.readTree(hub.httpGet("/api/dead-letters?limit=10"));
        JsonNode poison = letters.get(0);
        assertTrue(poison.path("source").asText().contains("/" + line + "/scanner/scanner-poison/scan"), "source");
        assertTrue(poison.path("reason").asText().length() > 10, "a reason: " + poison);
    }

    @Test
    void should_replay_an_mqtt_dead_letter_over_http_after_the_fix() throws Exception {
        String code = DemoCatalog.goodCode(2);
        long id = insertDeadLetter(hub.prefix() + "/line1/scanner/scanner-1/scan", code);
        HttpResponse<String> answer = post("/api/dead-letters/" + id + "/replay");
        assertEquals(200, answer.statusCode(), answer.body());
        String serial = DemoCatalog.item(2).serial();
        await("the replayed scan is processed").atMost(WAIT).until(() -> erp.events().stream()
                .anyMatch(e -> serial.equals(e.serial()) && "scanner-1".equals(e.device())));
        JsonNode letter = json.readTree(hub.httpGet("/api/dead-letters?limit=50"));
        boolean marked = false;
        for (JsonNode l : letter) {
            marked |= l.path("id").asLong() == id && l.path("replayCount").asInt() == 1;
        }
        assertTrue(marked, "marked as replayed");
        assertEquals(404, post("/api/dead-letters/999999/replay").statusCode(), "unknown id");
    }

    @Test
    void should_replay_a_tcp_dead_letter_over_jmx() throws Exception {
        String code = DemoCatalog.goodCode(3);
        long id = insertDeadLetter("tcp:///127.0.0.1:40000", code);
        ObjectName name = new ObjectName("linehub:type=DeadLetters");
        var server = ManagementFactory.getPlatformMBeanServer();
        assertTrue((Long) server.getAttribute(name, "Count") >= 1, "count in JMX");
        String result = (String) server.invoke(name, "replay", new Object[] {id}, new String[] {"long"});
        assertTrue(result.startsWith("replayed"), result);
        String serial = DemoCatalog.item(3).serial();
        await("the replayed frame is processed").atMost(WAIT).until(() -> erp.events().stream()
                .anyMatch(e -> serial.equals(e.serial()) && "scanner-tcp-1".equals(e.device())));
        long notAnInput = insertDeadLetter("relay:epcis-partner", "{}");
        String refused = (String) server.invoke(name, "replay", new Object[] {notAnInput}, new String[] {"long"});
        assertTrue(refused.contains("not a device input"), refused);
    }
}
