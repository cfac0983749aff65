package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.epc.EpcEncoder;
import io.linehub.epc.EpcTag;
import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.MqttProbe;
import io.linehub.sim.ReceivedEvent;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** RFID reads published to a real broker as a reader would, observations asserted at the ERP receiver. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RfidObservationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String GTIN = "09501101530003";

    private HubEnvironment env;
    private EventReceiver erp;
    private TestHub hub;
    private MqttProbe reader;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.destination.erp.types", "*"));
        hub.start();
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status\n");
        for (int i = 1; i <= 700; i++) {
            csv.append(GTIN).append(',').append(i).append(",LR1,2028-05-31,commissioned\n");
        }
        var report = new SerialImporter(hub.dataSource()).importCsv(new StringReader(csv.toString()));
        assertEquals(0, report.rejected(), "tags' serials import: " + report.errors());
        reader = new MqttProbe(env.mqttUrl(), "reader-" + hub.prefix()).connect();
    }

    @AfterAll
    void stop() throws Exception {
        reader.close();
        hub.close();
        erp.stop();
        env.close();
    }

    static String hex(int serial) {
        return ((EpcTag) EpcEncoder.encodeGtin(GTIN, String.valueOf(serial), 7, 1)).hex();
    }

    private List<ReceivedEvent> from(String device, String type) {
        return erp.events().stream().filter(e -> device.equals(e.device()) && type.equals(e.type())).toList();
    }

    @Test
    void should_collapse_10000_reads_of_100_tags_into_100_observations() throws Exception {
        Instant base = Instant.now();
        for (int message = 0; message < 100; message++) {
            StringBuilder reads = new StringBuilder("[");
            for (int tag = 1; tag <= 100; tag++) {
                reads.append(tag == 1 ? "" : ",").append("{\"epc\":\"").append(hex(tag)).append("\",\"antenna\":")
                        .append(1 + message % 4).append(",\"rssi\":-52,\"ts\":\"")
                        .append(base.plusMillis(message * 10L)).append("\"}");
            }
            reader.publish(hub.prefix() + "/dock1/rfid/dock-portal-9/reads",
                    reads.append(']').toString().getBytes(StandardCharsets.UTF_8), 1);
        }
        await("100 observations").atMost(WAIT).until(() -> from("dock-portal-9", "tag.observed").size() >= 100);
        await("and no more").during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> from("dock-portal-9", "tag.observed").size() == 100);
        List<ReceivedEvent> observed = from("dock-portal-9", "tag.observed");
        assertEquals(100, observed.stream().map(ReceivedEvent::serial).distinct().count(), "one per tag");
        assertTrue(observed.stream().allMatch(e -> e.json().path("epc").asText().startsWith("urn:epc:id:sgtin:")),
                "each observation carries its EPC URI");
        assertEquals("dock1", observed.get(0).line(), "line from the topic");
    }

    @Test
    void should_absorb_a_replay_of_50000_old_reads_without_stalling_barcode_scans() throws Exception {
        Instant old = Instant.now().minus(Duration.ofHours(1));
        long start = System.nanoTime();
        Thread replay = new Thread(() -> {
            try {
                // a reader back from an outage replays its buffer: 500 tags x 100 reads, an hour old
                for (int message = 0; message < 500; message++) {
                    StringBuilder reads = new StringBuilder("[");
                    for (int r = 0; r < 100; r++) {
                        int tag = 201 + (message * 100 + r) % 500;
                        reads.append(r == 0 ? "" : ",").append("{\"epc\":\"").append(hex(tag))
                                .append("\",\"antenna\":1,\"ts\":\"").append(old.plusMillis(message)).append("\"}");
                    }
                    reader.publish(hub.prefix() + "/dock3/rfid/portal-replay/reads",
                            reads.append(']').toString().getBytes(StandardCharsets.UTF_8), 1);
                }
            } catch (RuntimeException e) {
                throw e;
            }
        });
        replay.start();
        String code = "]d201" + GTIN + "17280531" + "10LR1" + "\u001d" + "21";
        for (int i = 0; i < 20; i++) {
            hub.publish("line7", "scanner-during-replay", code + "BARCODE" + i);
        }
        await("barcode scans keep flowing during the replay").atMost(WAIT)
                .until(() -> from("scanner-during-replay", "scan.rejected").size()
                        + from("scanner-during-replay", "scan.accepted").size() == 20);
        System.out.printf("20 barcode scans done %d ms after the replay began%n", (System.nanoTime() - start) / 1_000_000);
        replay.join();
        await("the replay collapses to one observation per tag").atMost(Duration.ofSeconds(90))
                .until(() -> from("portal-replay", "tag.observed").size() >= 500);
        await("and nothing more").during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> from("portal-replay", "tag.observed").size() == 500);
        System.out.printf("50,000 replayed reads absorbed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(500, from("portal-replay", "tag.observed").stream().map(ReceivedEvent::serial).distinct().count(),
                "every tag observed once, none lost");
    }

    @Test
    void should_read_the_zebra_shape_and_reject_an_undecodable_epc() throws Exception {
        String zebra = "{\"data\":{\"antenna\":1,\"eventNum\":1759,\"format\":\"epc\",\"idHex\":\""
                + hex(101).toLowerCase() + "\",\"peakRssi\":-53,\"reads\":3},"
                + "\"timestamp\":\"2026-11-21T10:50:16.699+0200\",\"type\":\"SIMPLE\"}";
        reader.publish(hub.prefix() + "/dock2/rfid/zebra-1/reads", zebra.getBytes(StandardCharsets.UTF_8), 1);
        await("the Zebra read observed").atMost(WAIT).until(() -> from("zebra-1", "tag.observed").size() == 1);
        assertEquals("101", from("zebra-1", "tag.observed").get(0).serial(), "serial from the SGTIN");
        reader.publish(hub.prefix() + "/dock2/rfid/zebra-2/reads",
                "{\"epc\":\"0000000000000000000000FF\",\"antenna\":1}".getBytes(StandardCharsets.UTF_8), 1);
        await("an EPC that does not decode is rejected with its reason").atMost(WAIT)
                .until(() -> from("zebra-2", "scan.rejected").size() == 1);
        assertEquals("INVALID_BARCODE", from("zebra-2", "scan.rejected").get(0).reason(), "reason");
    }
}
