package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The prod profile end to end on the plant's real services, Mosquitto and PostgreSQL: scans over MQTT and
 * TCP, unknown devices refused, mutating HTTP calls only with the token, health ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionProfileTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TOKEN = "production-profile-test";

    private final HttpClient http = HttpClient.newHttpClient();
    private HubEnvironment env;
    private EventReceiver erp;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = new LocalServicesEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.profile", "prod", "linehub.api.token", TOKEN));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 500);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    private int post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.httpUrl(path)))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void should_serve_the_line_on_mosquitto_and_postgresql_with_production_rules() throws Exception {
        await("ready").atMost(WAIT).until(() -> http.send(HttpRequest.newBuilder(
                URI.create(hub.httpUrl("/observe/health"))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200);
        hub.publish("line1", "scanner-1", DemoCatalog.goodCode(11));
        hub.sendTcp((DemoCatalog.goodCode(12) + "\r\n").getBytes(StandardCharsets.UTF_8));
        hub.publish("line1", "stranger-9", DemoCatalog.goodCode(13));
        await("MQTT and TCP scans accepted, the unlisted device refused").atMost(WAIT).until(() ->
                erp.events().stream().anyMatch(e -> "scanner-1".equals(e.device()) && "scan.accepted".equals(e.type()))
                && erp.events().stream().anyMatch(e -> "scanner-tcp-1".equals(e.device())
                        && "scan.accepted".equals(e.type()))
                && erp.events().stream().anyMatch(e -> "stranger-9".equals(e.device())
                        && "UNKNOWN_DEVICE".equals(e.reason())));
        String csv = "gtin,serial,lot,expiry\n09501101530003,PROD-1,LP1,2028-05-31\n";
        assertEquals(401, post("/api/master-data/serials", csv, null), "no token, no import");
        assertEquals(401, post("/api/master-data/serials", csv, "wrong"), "wrong token, no import");
        assertEquals(200, post("/api/master-data/serials", csv, TOKEN), "the token imports");
        assertTrue(hub.httpGet("/api/serials/09501101530003/PROD-1").contains("PROD-1"), "imported");
    }
}
