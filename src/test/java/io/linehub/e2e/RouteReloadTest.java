package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.ReceivedEvent;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Safe reload on a real hub: a partner route file added, broken, fixed and deleted in the watched folder (a
 * temporary one, never the repository's routes/). A broken version is refused and the running one keeps
 * working; every step is in the audit over HTTP and on JMX.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ROUTE = "reload-probe";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubEnvironment env;
    private EventReceiver partner;
    private TestHub hub;
    private ProducerTemplate producer;
    private Path watched;
    private Path file;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        partner = new EventReceiver(0, "/partner/events", true);
        partner.start();
        watched = Files.createDirectories(Path.of("target", "e2e", "reload-" + UUID.randomUUID().toString().substring(0, 8)));
        // in a subfolder created while the hub runs: the folder is watched recursively
        file = watched.resolve("partners").resolve("probe.camel.yaml");
        hub = new TestHub(env, "", Map.of(
                "linehub.routes.reload", "true",
                "linehub.routes.reload-dir", watched.toString(),
                "linehub.routes.reload-debounce-ms", "200",
                "camel.main.routes-include-pattern", PartnerRouteKit.shippedRoutes() + ",file:" + watched + "/**/*.camel.yaml",
                "partner.probe.url", partner.url()));
        hub.start();
        producer = hub.hub().context().createProducerTemplate();
    }

    @AfterAll
    void stop() throws Exception {
        producer.close();
        hub.close();
        partner.stop();
        env.close();
    }

    @Test
    @Order(1)
    void a_new_valid_route_file_is_applied_and_its_route_runs() throws Exception {
        Files.createDirectories(file.getParent());
        write(probeRoute("probe.v1", ""));
        await("route started").atMost(WAIT).until(() -> status() == ServiceStatus.Started);
        assertEquals("probe.v1", sendProbe(), "event type the new route posts");
        JsonNode applied = awaitNewest("APPLIED", 1);
        assertTrue(applied.get("file").asText().endsWith("partners/probe.camel.yaml"), applied::toString);
        assertEquals(ROUTE, applied.get("routeIds").get(0).asText());
        assertEquals(64, applied.get("checksum").asText().length(), "SHA-256 hex");
    }

    @Test
    @Order(2)
    void an_invalid_version_is_refused_and_the_running_version_keeps_working() throws Exception {
        String broken = probeRoute("probe.v2", """
                        - bean:
                            ref: noSuchProbeMapper
                """);
        write(broken);
        JsonNode refused = awaitNewest("REFUSED", 2);
        int line = lineOf(broken, "noSuchProbeMapper");
        assertTrue(refused.get("message").asText().contains("partners/probe.camel.yaml:" + line
                + ": bean 'noSuchProbeMapper' is not in the registry"), refused::toString);
        assertEquals(ServiceStatus.Started, status(), "the previous version still runs");
        assertEquals("probe.v1", sendProbe(), "the previous version still processes messages");
    }

    @Test
    @Order(3)
    void a_fixed_version_is_applied_with_its_new_behaviour() throws Exception {
        write(probeRoute("probe.v3", ""));
        awaitNewest("APPLIED", 3);
        assertEquals("probe.v3", sendProbe(), "event type of the fixed version");
    }

    @Test
    @Order(4)
    void a_version_camel_cannot_start_fails_and_the_previous_version_runs_again() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            write(probeRoute("probe.v4", "") + """
                    - route:
                        id: reload-probe-listener
                        from:
                          uri: "netty:tcp://127.0.0.1:%d"
                          parameters:
                            sync: false
                          steps:
                            - log: "never bound: the port is taken"
                    """.formatted(taken.getLocalPort()));
            JsonNode failed = awaitNewest("FAILED", 4);
            assertTrue(failed.get("message").asText().contains("the previous version runs again"), failed::toString);
        }
        assertNull(hub.hub().context().getRoute("reload-probe-listener"), "nothing of the failed version runs");
        assertEquals("probe.v3", sendProbe(), "the previous version processes messages again");
    }

    @Test
    @Order(5)
    void a_deleted_file_takes_its_route_with_it() throws Exception {
        Files.delete(file);
        JsonNode removed = awaitNewest("REMOVED", 5);
        assertEquals(ROUTE, removed.get("routeIds").get(0).asText());
        assertNull(hub.hub().context().getRoute(ROUTE), "route gone");
        // block=false: fail at once instead of waiting direct's 30 s for a consumer
        assertThrows(CamelExecutionException.class, () -> producer.sendBody("direct:" + ROUTE + "?block=false", "{}"));
        assertEquals(5, changes(10).size(), "one audit row per attempt");
    }

    @Test
    @Order(6)
    void the_changes_are_visible_on_jmx() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("linehub:type=RouteChanges");
        assertEquals("REMOVED", server.getAttribute(name, "LastResult"));
        assertTrue(((String) server.getAttribute(name, "LastFile")).endsWith("partners/probe.camel.yaml"));
        assertEquals(2L, server.getAttribute(name, "AppliedCount"));
        assertEquals(1L, server.getAttribute(name, "RefusedCount"));
        String[] recent = (String[]) server.invoke(name, "recentChanges", new Object[] {10},
                new String[] {int.class.getName()});
        assertEquals(5, recent.length, String.join("\n", recent));
        assertTrue(recent[0].contains("REMOVED"), recent[0]);
        assertTrue(recent[3].contains("REFUSED") && recent[3].contains("noSuchProbeMapper"), recent[3]);
    }

    private ServiceStatus status() {
        return hub.hub().context().getRouteController().getRouteStatus(ROUTE);
    }

    /** Sends one probe through the route and answers the event type the partner received for it. */
    private String sendProbe() {
        String id = UUID.randomUUID().toString();
        producer.sendBodyAndHeaders("direct:" + ROUTE, "", Map.of("probeId", id,
                "occurredAt", OffsetDateTime.now().toString()));
        return await("probe " + id + " at the partner").atMost(WAIT).until(() -> partner.events().stream()
                .filter(e -> id.equals(e.eventId())).findFirst(), Optional::isPresent).map(ReceivedEvent::type)
                .orElseThrow();
    }

    /** Waits for the audit to hold {@code rows} changes and answers the newest, which must have {@code result}. */
    private JsonNode awaitNewest(String result, int rows) throws Exception {
        await(result + " in the audit").atMost(WAIT).until(() -> changes(10).size() >= rows);
        JsonNode newest = changes(10).get(0);
        assertEquals(result, newest.get("result").asText(), newest::toString);
        return newest;
    }

    private List<JsonNode> changes(int limit) throws Exception {
        JsonNode array = JSON.readTree(hub.httpGet("/api/route-changes?limit=" + limit));
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    /** Written beside the file and moved in, as editors and deploy tools do: the watcher never sees half a file. */
    private void write(String content) throws Exception {
        Path temp = file.resolveSibling(".probe.tmp");
        Files.writeString(temp, content);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String probeRoute(String type, String extraSteps) {
        return """
                - route:
                    id: reload-probe
                    from:
                      uri: "direct:reload-probe"
                      steps:
                %s        - setBody:
                            simple: '{"eventId":"${header.probeId}","type":"%s","occurredAt":"${header.occurredAt}"}'
                        - removeHeaders:
                            pattern: "*"
                        - setHeader:
                            name: Content-Type
                            constant: application/json
                        - to:
                            uri: "{{partner.probe.url}}"
                            parameters:
                              httpMethod: POST
                """.formatted(extraSteps, type);
    }

    private static int lineOf(String text, String token) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(token)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(token);
    }
}
