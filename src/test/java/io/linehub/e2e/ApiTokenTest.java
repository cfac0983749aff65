package io.linehub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.api.ApiTokenPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The prod profile's token for mutating HTTP calls, from outside over real HTTP: without the right
 * bearer token an import or a print job is refused with 401 and changes nothing; reads stay open; a route
 * added later is guarded just the same; and prod does not start without a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenTest {

    private static final String GTIN = "09501101530003";

    private final String token = "tok-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private HubEnvironment env;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        hub = new TestHub(env, "", Map.of("linehub.profile", "prod", "linehub.api.token", token));
        hub.start();
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        env.close();
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.httpUrl(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(HttpResponse<String> response, String what) throws Exception {
        assertEquals(401, response.statusCode(), what + ": " + response.body());
        JsonNode answer = json.readTree(response.body());
        assertEquals("unauthorized", answer.path("error").asText(), what + " answers JSON: " + response.body());
        assertFalse(answer.path("reason").asText().isEmpty(), what + " says why: " + response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                what + " names the scheme");
        assertFalse(response.body().contains(token), what + " never echoes the token");
        assertTrue(response.headers().map().keySet().stream().noneMatch("authorization"::equalsIgnoreCase),
                what + " echoes no Authorization header");
    }

    @Test
    void should_refuse_an_import_without_the_right_token_and_change_nothing() throws Exception {
        String csv = "gtin,serial,lot,expiry\n" + GTIN + ",TOK0001,L1,2028-01-31\n";
        for (String authorization : new String[] {null, "", "Bearer", "Bearer wrong", "Basic " + token,
            "Bearer " + token + "x", "Bearer " + token.substring(1), token}) {
            assertRefused(send("POST", "/api/master-data/serials", authorization, csv),
                    "import with Authorization '" + authorization + "'");
        }
        assertEquals(404, send("GET", "/api/serials/" + GTIN + "/TOK0001", null, null).statusCode(),
                "no refused import reached the database");
        HttpResponse<String> allowed = send("POST", "/api/master-data/serials", "Bearer " + token, csv);
        assertEquals(200, allowed.statusCode(), "the right token imports: " + allowed.body());
        assertEquals(200, send("GET", "/api/serials/" + GTIN + "/TOK0001", null, null).statusCode(),
                "and the serial is there");
        assertEquals(200, send("POST", "/api/master-data/serials", "bearer  " + token + " ", csv).statusCode(),
                "the scheme is case-insensitive and blanks around the token do not matter");
    }

    @Test
    void should_refuse_a_print_job_without_the_token() throws Exception {
        String job = "{\"printer\":\"P1\",\"template\":\"unit-label\",\"fields\":{\"gtin\":\"" + GTIN + "\"}}";
        assertRefused(send("POST", "/api/print-jobs", null, job), "print job without token");
        assertRefused(send("POST", "/api/print-jobs", "Bearer nope", job), "print job with a wrong token");
        HttpResponse<String> allowed = send("POST", "/api/print-jobs", "Bearer " + token, job);
        assertNotEquals(401, allowed.statusCode(), "with the token the job reaches the print API: " + allowed.body());
    }

    @Test
    void should_keep_reads_open() throws Exception {
        assertEquals(404, send("GET", "/api/serials/" + GTIN + "/NOPE", null, null).statusCode(), "serial lookup");
        assertEquals(404, send("GET", "/api/print-jobs/nope", null, null).statusCode(), "print job state");
        // ready once the hub's own broker connection is up (the mqtt-broker check), a moment after start
        org.awaitility.Awaitility.await("health").atMost(java.time.Duration.ofSeconds(20))
                .until(() -> send("GET", "/observe/health", null, null).statusCode() == 200);
    }

    @Test
    void should_guard_a_route_added_later_without_it_asking() throws Exception {
        hub.hub().context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/api/added-later").routeId("added-later")
                        .setHeader("Content-Type", constant("application/json"))
                        .setBody(simple("{\"done\":\"${header.CamelHttpMethod}\"}"));
            }
        });
        // the supervising route controller leaves routes added after start to their author
        hub.hub().context().getRouteController().startRoute("added-later");
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertRefused(send(method, "/api/added-later", null, "{}"), method + " on a new route");
            HttpResponse<String> allowed = send(method, "/api/added-later", "Bearer " + token, "{}");
            assertEquals(200, allowed.statusCode(), method + " with the token: " + allowed.body());
            assertTrue(allowed.body().contains(method), "the route ran: " + allowed.body());
        }
        assertEquals(200, send("GET", "/api/added-later", null, null).statusCode(), "GET needs no token");
    }

    @Test
    void should_attach_the_policy_to_every_http_route() {
        List<Route> httpRoutes = hub.hub().context().getRoutes().stream()
                .filter(r -> r.getEndpoint() instanceof PlatformHttpEndpoint).toList();
        assertTrue(httpRoutes.size() >= 4, "the shipped API routes: " + httpRoutes);
        for (Route route : httpRoutes) {
            assertTrue(route.getRoutePolicyList().stream().anyMatch(ApiTokenPolicy.class::isInstance),
                    "route " + route.getRouteId() + " is guarded");
        }
    }

    @Test
    void should_refuse_to_start_in_prod_without_a_token() throws Exception {
        try (HubEnvironment other = new EmbeddedEnvironment();
             TestHub tokenless = new TestHub(other, "", Map.of("linehub.profile", "prod"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, tokenless::start, "no token, no start");
            assertTrue(e.getMessage().contains("LINEHUB_API_TOKEN"), "names the variable: " + e.getMessage());
        }
    }
}
