package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.MqttProbe;
import io.linehub.sim.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Huge and malformed MQTT payloads on the scanner and reader topics, through a real broker: each ends as
 * a clear rejection (or a logged, skipped read), never a crash or a stalled consumer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMqttPayloadTest {

    static final Duration WAIT = Duration.ofSeconds(30);

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
        DemoSeeder.seedIfEmpty(hub.dataSource(), 1_000);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    private List<ReceivedEvent> from(String device) {
        return erp.events().stream().filter(e -> device.equals(e.device())).toList();
    }

    @Test
    void should_reject_huge_binary_and_malformed_scanner_payloads_and_keep_serving() throws Exception {
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) '7');
        byte[] binary = new byte[512];
        new Random(42).nextBytes(binary);
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        hub.publish("line9", "hostile-1", huge);
        hub.publish("line9", "hostile-2", binary);
        hub.publish("line9", "hostile-3", "{\"data\": 12, \"ts\": [1,2]}");
        hub.publish("line9", "hostile-4", deep);
        hub.publish("line9", "hostile-5", "{\"data\":\"]d2010950110153000317\u0000\u0000\"");
        for (String device : List.of("hostile-1", "hostile-2", "hostile-3", "hostile-4", "hostile-5")) {
            await(device + " rejected").atMost(WAIT).until(() -> !from(device).isEmpty());
            ReceivedEvent e = from(device).get(0);
            assertEquals("scan.rejected", e.type(), device);
            assertEquals("INVALID_BARCODE", e.reason(), device);
            assertTrue(e.json().path("detail").asText().length() > 5, "a clear reason: " + e.json());
            assertTrue(e.json().path("barcode").asText().length() <= 256, "echo bounded");
        }
        hub.publish("line1", "scanner-1", DemoCatalog.goodCode(7));
        await("a good scan right after").atMost(WAIT).until(() -> from("scanner-1").stream()
                .anyMatch(e -> "scan.accepted".equals(e.type())));
    }

    @Test
    void should_skip_a_huge_or_malformed_reader_payload_and_keep_reading() throws Exception {
        try (MqttProbe reader = new MqttProbe(env.mqttUrl(), "hostile-reader-" + hub.prefix()).connect()) {
            byte[] huge = ("[" + "{\"epc\":\"3074257BF7194E4000001A85\"},".repeat(60_000) + "{}]")
                    .getBytes(StandardCharsets.UTF_8);
            reader.publish(hub.prefix() + "/line9/rfid/hostile-reader/reads", huge, 1);
            reader.publish(hub.prefix() + "/line9/rfid/hostile-reader/reads", "{not json".getBytes(StandardCharsets.UTF_8), 1);
            String hex = ((io.linehub.epc.EpcTag) io.linehub.epc.EpcEncoder.encodeGtin(DemoCatalog.item(9).gtin(),
                    DemoCatalog.item(9).serial(), DemoCatalog.item(9).product().companyPrefixLength(), 1)).hex();
            reader.publish(hub.prefix() + "/line9/rfid/hostile-reader/reads",
                    ("{\"epc\":\"" + hex + "\",\"antenna\":1}").getBytes(StandardCharsets.UTF_8), 1);
            await("the reader's next good read is observed").atMost(WAIT).until(() -> from("hostile-reader").stream()
                    .anyMatch(e -> "tag.observed".equals(e.type())));
        }
    }
}
