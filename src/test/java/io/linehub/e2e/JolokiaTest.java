package io.linehub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.EventReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /observe/jolokia: JMX over HTTP, only when switched on, behind a login; prod refuses it without one. */
class JolokiaTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(TestHub hub, String path, String login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.httpUrl(path)));
        if (login != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_serve_linehub_mbeans_over_jolokia_only_with_the_login() throws Exception {
        try (EmbeddedEnvironment env = new EmbeddedEnvironment();
             EventReceiver erp = new EventReceiver(0, "/erp/events", true)) {
            erp.start();
            TestHub hub = new TestHub(env, erp.url(), Map.of("linehub.jolokia.enabled", "true",
                    "linehub.jolokia.user", "ops", "linehub.jolokia.password", "s3cret"));
            hub.start();
            try {
                assertEquals(401, get(hub, "/observe/jolokia/version", null).statusCode(), "no login");
                assertEquals(401, get(hub, "/observe/jolokia/version", "ops:wrong").statusCode(), "wrong password");
                HttpResponse<String> read = get(hub, "/observe/jolokia/read/linehub:type=DeadLetters/Count",
                        "ops:s3cret");
                assertEquals(200, read.statusCode(), read.body());
                assertTrue(read.body().contains("\"value\":0"), "the dead-letter count over Jolokia: " + read.body());
                assertEquals(404, get(hub, "/api/serials/09501101530003/NONE", null).statusCode(),
                        "the API is not behind the Jolokia login (an unknown serial answers 404, not 401)");
            } finally {
                hub.close();
            }
        }
    }

    @Test
    void should_refuse_to_start_jolokia_in_prod_without_a_login() throws Exception {
        try (EmbeddedEnvironment env = new EmbeddedEnvironment()) {
            TestHub hub = new TestHub(env, "http://127.0.0.1:9/none", Map.of("linehub.profile", "prod",
                    "linehub.api.token", "t", "linehub.jolokia.enabled", "true"));
            Exception refused = assertThrows(Exception.class, hub::start);
            assertTrue(String.valueOf(refused.getMessage()).contains("LINEHUB_JOLOKIA_USER"), refused.getMessage());
        }
    }
}
