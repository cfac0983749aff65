package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.EventReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /observe/health names the broker, the database, the subscriptions and the outputs, and follows the broker. */
class HealthTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> health(TestHub hub) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/observe/health?data=true"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_report_the_broker_the_database_and_the_outputs_and_go_down_without_the_broker() throws Exception {
        try (EmbeddedEnvironment env = EmbeddedEnvironment.withPersistentBroker();
             EventReceiver erp = new EventReceiver(0, "/erp/events", true)) {
            erp.start();
            TestHub hub = new TestHub(env, erp.url(), Map.of());
            hub.start();
            try {
                await("ready").atMost(Duration.ofSeconds(30)).until(() -> health(hub).statusCode() == 200);
                String body = health(hub).body();
                for (String check : new String[] {"mqtt-broker", "database", "mqtt-subscriptions", "outputs"}) {
                    assertTrue(body.contains(check), check + " in " + body);
                }
                assertTrue(body.contains("destination.erp"), "destinations in the details: " + body);
                env.broker().stop();
                await("not ready without the broker").atMost(Duration.ofSeconds(30))
                        .until(() -> health(hub).statusCode() == 503);
                env.broker().start();
                await("ready again").atMost(Duration.ofSeconds(60)).until(() -> health(hub).statusCode() == 200);
            } finally {
                hub.close();
            }
        }
    }
}
