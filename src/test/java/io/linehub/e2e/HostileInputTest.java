package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.ReceivedEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SQL injection through every way text reaches a query: the serial lookup's path, the import's CSV and
 * JSON fields, and a scanned serial. Each attempt ends without an SQL error, with the tables still there,
 * and with the data stored verbatim (it is only data) or rejected by validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String GTIN = "09501101530003";
    private static final String DROP = "'; DROP TABLE serial;--";
    private static final List<String> ATTEMPTS = List.of(DROP, "' OR '1'='1", "x' UNION SELECT name FROM product--",
            "1; DELETE FROM serial", "\\'; DROP TABLE product; --", "%' OR serial LIKE '%");
    /** Valid GS1 CSET 82, so it is a serial that import stores and a scanner could read. */
    private static final String QUOTED_SERIAL = "'OR'1'='1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private HubEnvironment env;
    private EventReceiver erp;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of());
        hub.start();
        HttpResponse<String> seeded = post("text/csv", "gtin,serial,lot,expiry,status,product\n"
                + GTIN + ",SAFE0001,L1,2028-01-31,commissioned,Plain product\n");
        assertEquals(200, seeded.statusCode(), "a plain import first: " + seeded.body());
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/master-data/serials")))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> lookup(String gtin, String serial) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/serials/" + segment(gtin) + "/"
                + segment(serial)))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private long count(String table) throws Exception {
        try (Connection c = hub.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void assertNoSqlLeak(HttpResponse<String> response, String what) {
        assertTrue(response.statusCode() < 500, what + " is no server error: " + response.statusCode() + " "
                + response.body());
        String body = response.body().toLowerCase();
        assertFalse(body.contains("sql") || body.contains("syntax") || body.contains("jdbc"),
                what + " leaks no SQL error: " + response.body());
    }

    @Test
    void should_find_nothing_for_injection_in_the_lookup_path() throws Exception {
        long serials = count("serial");
        for (String attempt : ATTEMPTS) {
            for (HttpResponse<String> r : List.of(lookup(GTIN, attempt), lookup(attempt, "SAFE0001"),
                    lookup(GTIN + attempt, attempt))) {
                assertNoSqlLeak(r, "lookup with " + attempt);
                assertEquals(404, r.statusCode(), "nothing found for " + attempt + ": " + r.body());
            }
        }
        assertEquals(serials, count("serial"), "the serial table is there, unchanged");
        assertEquals(200, lookup(GTIN, "SAFE0001").statusCode(), "and still answers");
    }

    @Test
    void should_store_csv_injection_verbatim_or_reject_it() throws Exception {
        String csv = "gtin,serial,lot,expiry,status,product\n"
                + GTIN + "," + QUOTED_SERIAL + ",L';--,2028-01-31,commissioned," + DROP + "\n"
                + GTIN + "," + DROP + ",L1,2028-01-31,commissioned,x\n"
                + GTIN + ",SAFE0002,L1,2028-01-31,commissioned,\"Robert'); DROP TABLE product;--\"\n";
        HttpResponse<String> r = post("text/csv", csv);
        assertNoSqlLeak(r, "CSV import");
        JsonNode report = json.readTree(r.body());
        assertEquals(2, report.path("inserted").asInt(), "the two rows with valid fields are stored: " + r.body());
        assertEquals(1, report.path("rejected").asInt(), "the serial with spaces is no GS1 serial: " + r.body());
        assertTrue(report.path("errors").get(0).path("reason").asText().startsWith("serial '"),
                "rejected by validation, not by the database: " + r.body());

        JsonNode stored = json.readTree(lookup(GTIN, QUOTED_SERIAL).body());
        assertEquals(QUOTED_SERIAL, stored.path("serial").asText(), "serial stored verbatim: " + stored);
        assertEquals("L';--", stored.path("lot").asText(), "lot stored verbatim: " + stored);
        assertTrue(count("serial") >= 3 && count("product") >= 1, "both tables are there");
    }

    @Test
    void should_store_json_injection_verbatim() throws Exception {
        String body = json.writeValueAsString(List.of(Map.of("gtin", GTIN, "serial", "J1';--", "lot", "L1",
                "expiry", "2028-01-31", "status", "provisioned", "product", "x'); DELETE FROM serial; --")));
        HttpResponse<String> r = post("application/json", body);
        assertNoSqlLeak(r, "JSON import");
        assertEquals(1, json.readTree(r.body()).path("inserted").asInt(), "stored: " + r.body());
        assertEquals("J1';--", json.readTree(lookup(GTIN, "J1';--").body()).path("serial").asText(), "verbatim");
        assertEquals(200, lookup(GTIN, "SAFE0001").statusCode(), "nothing was deleted");
    }

    @Test
    void should_look_up_a_scanned_serial_with_quotes_as_data() throws Exception {
        String serial = "'OR''='";
        HttpResponse<String> r = post("text/csv", "gtin,serial,lot,expiry,status\n"
                + GTIN + "," + serial + ",LQ1,2028-01-31,commissioned\n");
        assertEquals(200, r.statusCode(), "import: " + r.body());
        hub.publish("line1", "scanner-1", "(01)" + GTIN + "(17)280131(10)LQ1(21)" + serial);
        ReceivedEvent event = await("the scan's outcome").atMost(Duration.ofSeconds(20)).until(() -> erp.events()
                .stream().filter(e -> serial.equals(e.serial())).findFirst(), Optional::isPresent).orElseThrow();
        assertEquals("scan.accepted", event.type(), "the quoted serial was found as itself (camel-sql binds it as a "
                + "parameter): " + event.json());
        assertTrue(count("serial") > 0, "the table is there");
    }
}
