package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linehub.epc.EpcEncoder;
import io.linehub.epc.EpcTag;
import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.MqttProbe;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Follows the README's "Adding a partner" as a new user would: the example route is taken from the
 * README as written, saved as one file, and must deliver a packed case to the partner.
 */
class ReadmePartnerExampleTest {

    static final String GTIN = "09501101530003";

    static String exampleFromReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String marker = "# routes/partners/wms-globex.camel.yaml\n";
        int start = readme.indexOf(marker);
        int end = readme.indexOf("```", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("README has no wms-globex example");
        }
        return readme.substring(start, end);
    }

    @Test
    void should_deliver_a_packed_case_with_the_readme_example_in_one_file() throws Exception {
        Path partners = Files.createDirectories(Path.of("target", "e2e", "readme-partner-" + System.nanoTime()));
        Files.writeString(partners.resolve("wms-globex.camel.yaml"), exampleFromReadme());
        try (HubEnvironment env = new EmbeddedEnvironment(); HttpInbox globex = new HttpInbox("/linehub");
             EventReceiver erp = new EventReceiver(0, "/erp/events", true)) {
            erp.start();
            TestHub hub = new TestHub(env, erp.url(), Map.of(
                    "camel.main.routes-include-pattern", "file:routes/*.camel.yaml,file:routes/partners/*.camel.yaml,"
                            + "file:" + partners.toAbsolutePath() + "/*.camel.yaml",
                    "partner.wms-globex.url", globex.url("/linehub"),
                    "linehub.aggregation.read-window-ms", "500"));
            hub.start();
            try (MqttProbe portal = new MqttProbe(env.mqttUrl(), "portal-" + hub.prefix()).connect()) {
                StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status\n");
                for (int i = 1; i <= 6; i++) {
                    csv.append(GTIN).append(",G").append(i).append(",LG1,2028-05-31,commissioned\n");
                }
                new SerialImporter(hub.dataSource()).importCsv(new StringReader(csv.toString()));
                String sscc = "106141412345678908";
                List<String> reads = new ArrayList<>();
                reads.add(read(((EpcTag) EpcEncoder.encodeSscc(sscc, 7, 0)).hex()));
                for (int i = 1; i <= 6; i++) {
                    reads.add(read(((EpcTag) EpcEncoder.encodeGtin(GTIN, "G" + i, 9, 1)).hex()));
                }
                portal.publish(hub.prefix() + "/line1/rfid/pack-portal-1/reads",
                        ("[" + String.join(",", reads) + "]").getBytes(StandardCharsets.UTF_8), 1);
                await("Globex has the case").atMost(Duration.ofSeconds(30)).until(() -> !globex.bodies().isEmpty());
                assertEquals("{\"case\":\"" + sscc + "\",\"units\":6}", globex.bodies().get(0).replaceAll("\\s", ""));
            } finally {
                hub.close();
            }
        }
    }

    private static String read(String hex) {
        return "{\"epc\":\"" + hex + "\",\"antenna\":1,\"ts\":\"" + Instant.now() + "\"}";
    }
}
