package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.PrinterLabel;
import io.linehub.sim.PrinterSimulator;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Printer faults under a steady stream of print jobs (pool serials, 5 jobs/s): a printer going silent
 * mid-run, running out of paper, dropping its connection. Counted at the printer by serial: every job
 * printed exactly once or failed with a reason, none lost, none printed twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrinterFaultTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String GTIN = "09501101530003";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private HubEnvironment env;
    private EventReceiver erp;
    private PrinterSimulator printer;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        printer = new PrinterSimulator(0).start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.printer.poll-ms", "50")).withDevices("""
                devices:
                  - {id: PF, kind: printer, line: line1, host: 127.0.0.1, port: %d, template: unit-label}
                """.formatted(printer.port()));
        hub.start();
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status,product\n");
        for (int i = 0; i < 400; i++) {
            csv.append(GTIN).append(",PF").append(String.format("%04d", i)).append(",LF1,2028-05-31,provisioned,")
                    .append("Fault test\n");
        }
        new SerialImporter(hub.dataSource()).importCsv(new StringReader(csv.toString()));
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        printer.close();
        erp.stop();
        env.close();
    }

    private String submit() throws Exception {
        String body = json.writeValueAsString(Map.of("printer", "PF", "template", "unit-label",
                "fields", Map.of("gtin", GTIN)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/print-jobs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return json.readTree(r.body()).path("id").asText();
    }

    private JsonNode job(String id) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/api/print-jobs/" + id)))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private void underLoad(String fault, Runnable inject, Duration hold, Runnable heal) throws Exception {
        List<String> ids = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            try {
                while (running.get()) {
                    synchronized (ids) {
                        ids.add(submit());
                    }
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        load.start();
        Thread.sleep(2_000);
        inject.run();
        Thread.sleep(hold.toMillis());
        heal.run();
        Thread.sleep(2_000);
        running.set(false);
        load.join();
        await(fault + ": every job printed or failed").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (String id : ids) {
                        String state = job(id).path("state").asText();
                        if (!"printed".equals(state) && !"failed".equals(state)) {
                            return false;
                        }
                    }
                    return true;
                });
        List<String> serials = new ArrayList<>();
        for (String id : ids) {
            serials.add(job(id).path("fields").path("serial").asText());
        }
        Map<String, Integer> printedBySerial = new HashMap<>();
        for (PrinterLabel label : printer.labels()) {
            for (String serial : serials) {
                if (label.text().contains(serial + "^FS")) {
                    printedBySerial.merge(serial, 1, Integer::sum);
                }
            }
        }
        long printed = 0;
        long failed = 0;
        long twice = printedBySerial.values().stream().filter(n -> n > 1).count();
        for (String id : ids) {
            JsonNode j = job(id);
            if ("printed".equals(j.path("state").asText())) {
                printed++;
            } else {
                failed++;
            }
        }
        long lost = ids.size() - printed - failed;
        FaultReport.add(new FaultReport.Row(fault, ids.size(), printed, printedBySerial.size(), lost, twice,
                "print jobs: sent = submitted, accepted = printed, delivered = serials seen at the printer, "
                        + failed + " failed with a reason"));
        assertEquals(0, twice, fault + ": no label printed twice");
        assertEquals(0, lost, fault + ": every job printed or failed with a reason");
        assertEquals(printed, printedBySerial.size(), fault + ": each printed job's label is at the printer");
    }

    @Test
    @Order(1)
    void printer_out_of_paper() throws Exception {
        underLoad("printer out of paper for 5 s", () -> printer.paperOut(true), Duration.ofSeconds(5),
                () -> printer.paperOut(false));
    }

    @Test
    @Order(2)
    void printer_going_silent() throws Exception {
        underLoad("printer silent for 5 s", () -> printer.silent(true), Duration.ofSeconds(5),
                () -> printer.silent(false));
    }

    @Test
    @Order(3)
    void printer_dropping_its_connection() throws Exception {
        underLoad("printer drops its connection, refuses for 5 s", () -> {
            printer.refuseConnections();
            printer.dropConnection();
        }, Duration.ofSeconds(5), printer::acceptConnections);
    }
}
