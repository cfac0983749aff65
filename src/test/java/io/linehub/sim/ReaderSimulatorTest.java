package io.linehub.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.epc.EpcDecoder;
import io.linehub.epc.EpcTag;
import io.linehub.rfid.ReadBatch;
import io.linehub.rfid.TagRead;
import io.linehub.rfid.TagReadParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReaderSimulatorTest {

    @Test
    void should_read_every_tag_of_a_case_several_times_in_the_zebra_shape() {
        ReaderSimulator sim = new ReaderSimulator(new ReaderSimulator.Settings("tcp://127.0.0.1:1", "linehub",
                "line1", "portal-1", 100, 50, 12, 5, Duration.ofSeconds(1), 7L));
        String payload = sim.casePass(Instant.parse("2026-11-21T10:00:00Z"));
        assertTrue(payload.contains("\"idHex\":\"") && payload.contains("+0000"),
                "Zebra IoT Connector shape, offset without colon: " + payload.substring(0, 200));
        ReadBatch batch = new TagReadParser().parse(payload.getBytes(StandardCharsets.UTF_8), Instant.now());
        assertEquals(60, batch.reads().size(), "12 tags x 5 reads");
        assertTrue(batch.problems().isEmpty(), "no unusable read: " + batch.problems());
        Set<String> serials = batch.reads().stream().map(TagRead::epcHex).map(EpcDecoder::decode)
                .map(r -> ((EpcTag) r).serial()).collect(Collectors.toSet());
        Set<String> expected = java.util.stream.IntStream.range(100, 112).mapToObj(i -> DemoCatalog.item(i).serial())
                .collect(Collectors.toSet());
        assertEquals(expected, serials, "the tags are the demo units of the case");
    }

    @Test
    void should_publish_a_case_every_pass() throws Exception {
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(FreePort.find());
        broker.start();
        try (MqttProbe probe = new MqttProbe(broker.url(), "probe").connect().subscribe("linehub/+/rfid/#", 1);
             ReaderSimulator sim = new ReaderSimulator(new ReaderSimulator.Settings(broker.url(), "linehub",
                     "line1", "portal-1", 0, 100, 3, 2, Duration.ofMillis(100), 1L))) {
            sim.start();
            await("three passes published").atMost(Duration.ofSeconds(10)).until(() -> probe.count() >= 3);
            assertEquals("linehub/line1/rfid/portal-1/reads", probe.messages().get(0).topic(), "reads topic");
        } finally {
            broker.stop();
        }
    }
}
