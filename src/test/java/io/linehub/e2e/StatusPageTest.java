package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.deploy.RequiredTool;
import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.PrinterSimulator;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The status page at / as an operator's browser shows it: a real hub under load (two scanners, a printer out of
 * paper, an ERP answering 500), rendered by Debian's headless Chromium; the figures on the page are the ones
 * /api/status answers. Skipped without chromium on PATH, failed then under -Dlinehub.require-tools=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** A device id as hostile as a field device could send: it must come out as text, never as markup. */
    static final String HOSTILE_DEVICE = "x<svg onload=alert(1)>";

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger scans = new AtomicInteger();
    private Path chromium;
    private HubEnvironment env;
    private EventReceiver erp;
    private PrinterSimulator printer;
    private TestHub hub;
    private ScheduledExecutorService load;

    @BeforeAll
    void start() throws Exception {
        chromium = RequiredTool.find("chromium");
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        // failing from the start, so the ERP's outbox only grows while the page is looked at
        erp.respondWith(500);
        printer = new PrinterSimulator(0).start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.printer.poll-ms", "50"))
                .withDevices("""
                devices:
                  - {id: P1, kind: printer, line: line1, host: 127.0.0.1, port: %d, template: unit-label}
                  - {id: scanner-1, kind: scanner, line: line1, station: verify, transport: mqtt}
                  - {id: scanner-2, kind: scanner, line: line2, station: verify, transport: mqtt}
                """.formatted(printer.port()));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 1000);
        printer.paperOut(true);
        hub.publish("line9", HOSTILE_DEVICE, DemoCatalog.goodCode(999));
        // scans/s counts the last 10 s: keep scanning while Chromium looks, so the rate is not 0 by then
        load = Executors.newSingleThreadScheduledExecutor();
        load.scheduleAtFixedRate(() -> {
            int n = scans.getAndIncrement();
            try {
                hub.publish(n % 2 == 0 ? "line1" : "line2", n % 2 == 0 ? "scanner-1" : "scanner-2",
                        DemoCatalog.goodCode(n % 900));
            } catch (Exception e) {
                // a lost scan only lowers the rate; the assertions say whether it mattered
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        await("load, paper out and a growing ERP outbox visible in /api/status").atMost(WAIT).until(() -> {
            JsonNode s = status();
            return find(s.path("lines"), "line", "line1").path("scansPerSecond").asDouble() > 0
                    && find(s.path("devices"), "id", "scanner-2").path("messages").asLong() > 0
                    && !find(s.path("devices"), "id", HOSTILE_DEVICE).isMissingNode()
                    && "paper out".equals(find(s.path("printers"), "id", "P1").path("status").asText())
                    && find(s.path("destinations"), "name", "erp").path("outboxDepth").asLong() > 0;
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (load != null) {
            load.shutdownNow();
        }
        if (hub != null) {
            hub.close();
        }
        if (printer != null) {
            printer.close();
        }
        if (erp != null) {
            erp.stop();
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    void should_serve_the_page_as_html_without_external_references() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.httpUrl("/")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        assertTrue(r.body().contains("/api/status"), "the page polls /api/status");
        // the plant network is closed: nothing may be fetched from elsewhere
        assertFalse(r.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resources");
    }

    @Test
    void should_render_the_live_figures_of_api_status() throws Exception {
        String dom = chromium("--dump-dom");
        JsonNode s = status();

        assertTrue(dom.contains("id=\"hub-id\">" + hub.hubId() + "<"), "hub id on the page");
        assertFalse(dom.contains("id=\"last-update\">never<"), "the page has had an answer");
        assertFalse(dom.contains("class=\"shown\""), "no error banner while /api/status answers");
        for (JsonNode device : s.path("devices")) {
            String id = device.path("id").asText();
            if (!id.equals(HOSTILE_DEVICE)) {
                assertTrue(dom.contains(">" + id + "</td>"), "device " + id + " on the page");
            }
        }
        assertTrue(dom.contains("seen\">") && dom.contains(" s ago</td>"), "last seen as 's ago'");

        double sps = Double.parseDouble(rowCell(dom, "data-line=\"line1\"", "num sps"));
        assertTrue(sps > 0, "line1 scans/s on the page: " + sps);
        assertTrue(find(s.path("lines"), "line", "line1").path("scansPerSecond").asDouble() > 0, "and in the API");

        String printerStatus = find(s.path("printers"), "id", "P1").path("status").asText();
        assertEquals("paper out", printerStatus, "the API still says paper out");
        assertTrue(dom.contains("<span class=\"st bad\"") && dom.contains(">paper out</span>"),
                "printer status on the page, in the alarm colour");

        // the ERP keeps failing, so its outbox only grows: the page's figure is >0 and at most the API's now
        long pageDepth = Long.parseLong(rowCell(dom, "data-destination=\"erp\"", "num outbox"));
        long apiDepth = find(s.path("destinations"), "name", "erp").path("outboxDepth").asLong();
        assertTrue(pageDepth > 0 && pageDepth <= apiDepth, "erp outbox: page " + pageDepth + ", API " + apiDepth);
        assertTrue(dom.contains("class=\"failing\""), "the failing ERP is marked");

        // a device id from the field is text: escaped in the text, no element made of it (attributes aside,
        // whose values the serializer need not escape)
        assertTrue(dom.contains(">x&lt;svg onload=alert(1)&gt;</td>"), "hostile device id shown as text");
        assertFalse(dom.replaceAll("=\"[^\"]*\"", "=\"\"").contains("<svg"), "no element from a device id");
    }

    @Test
    void should_take_a_screenshot_of_the_page() throws Exception {
        Path png = Path.of("target", "status-page.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium("--screenshot=" + png, "--window-size=1280,900");
        assertTrue(Files.isRegularFile(png), "screenshot written: " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, "a PNG ImageIO can read");
        assertEquals(1280, image.getWidth(), "width");
        assertEquals(900, image.getHeight(), "height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 16, "not blank: " + colours.size() + " colours");
    }

    @Test
    void should_show_a_banner_when_api_status_fails() throws Exception {
        var routes = hub.hub().context().getRouteController();
        routes.stopRoute("status-api");
        try {
            String dom = chromium("--dump-dom");
            assertTrue(dom.contains("class=\"shown\"") && dom.contains("/api/status is not answering"),
                    "error banner shown");
        } finally {
            routes.startRoute("status-api");
        }
    }

    /** Runs headless Chromium on the page with the given output option; answers its stdout. */
    private String chromium(String... output) throws Exception {
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                // virtual time runs the 2 s poll a few times without waiting for it in real time
                "--virtual-time-budget=6000"));
        command.addAll(List.of(output));
        command.add(hub.httpUrl("/"));
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "chromium " + command + ":\n" + readQuietly(log));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }

    /** The text of the cell with the given class in the row with the given attribute. */
    private static String rowCell(String dom, String rowAttribute, String cellClass) {
        Matcher m = Pattern.compile("<tr " + Pattern.quote(rowAttribute) + ">.*?<td class=\"" + Pattern.quote(cellClass)
                + "\">([^<]*)</td>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), () -> "row " + rowAttribute + " with cell " + cellClass + " in:\n" + dom);
        return m.group(1);
    }

    private JsonNode status() throws Exception {
        return json.readTree(hub.httpGet("/api/status"));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
