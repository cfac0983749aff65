package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.masterdata.SchemaMigrator;
import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EmbeddedMqttBroker;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.FreePort;
import io.linehub.sim.ScanMix;
import io.linehub.sim.ScannerSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The hub as its own process, killed with SIGKILL under load and started again on the same database
 * and broker: every MQTT scan the broker took is accepted exactly once and every event is delivered.
 */
class HubKillTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Path dir = Path.of("target", "e2e", "kill-" + id).toAbsolutePath();
    private final int tcpPort = FreePort.find();
    private final int httpPort = FreePort.find();

    private Process startHub(String brokerUrl, String erpUrl, String dbUrl, int run) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlinehub.hub-id=k" + id, "-Dlinehub.mqtt.url=" + brokerUrl, "-Dlinehub.mqtt.embedded=false",
                "-Dlinehub.mqtt.prefix=lk" + id, "-Dlinehub.db.url=" + dbUrl, "-Dlinehub.db.user=sa",
                "-Dlinehub.data.dir=" + dir.resolve("data"), "-Dlinehub.tcp.host=127.0.0.1",
                "-Dlinehub.tcp.port=" + tcpPort, "-Dlinehub.destination.erp.url=" + erpUrl,
                "-Dlinehub.destination.erp.types=scan.accepted", "-Dlinehub.destination.wms.url=",
                "-Dlinehub.relay.poll-ms=50", "-Dlinehub.relay.backoff-max-ms=1000",
                "-Dlinehub.mqtt.session-expiry=600", "io.linehub.Linehub", "run"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("hub-" + run + ".log").toFile());
        builder.environment().put("LINEHUB_HTTP_PORT", String.valueOf(httpPort));
        builder.environment().put("LINEHUB_HTTP_HOST", "127.0.0.1");
        Process hub = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        await("hub process " + run + " ready").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!hub.isAlive()) {
                throw new IllegalStateException("hub process exited: see " + dir.resolve("hub-" + run + ".log"));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/observe/health"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return hub;
    }

    @Test
    void should_lose_no_mqtt_scan_when_the_hub_is_killed_under_load() throws Exception {
        Files.createDirectories(dir);
        String dbUrl = "jdbc:h2:file:" + dir.resolve("linehub") + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcDataSource seed = new JdbcDataSource();
        seed.setURL(dbUrl);
        seed.setUser("sa");
        SchemaMigrator.migrate(seed);
        DemoSeeder.seedIfEmpty(seed, 5_000);
        String brokerUrl = System.getProperty("kill.broker", "");
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(FreePort.find(), true, dir.resolve("broker"));
        if (brokerUrl.isEmpty()) {
            broker.start();
            brokerUrl = broker.url();
        }
        EventReceiver erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        Process hub = startHub(brokerUrl, erp.url(), dbUrl, 1);
        ScannerSimulator mqtt = new ScannerSimulator(new ScannerSimulator.Settings("kill", "kill-mqtt",
                ScannerSimulator.Transport.MQTT, brokerUrl, "lk" + id, null, 0, 40, 7L), ScanMix.ALL_GOOD, 0, 2_500);
        ScannerSimulator tcp = new ScannerSimulator(new ScannerSimulator.Settings("line2", "scanner-tcp-1",
                ScannerSimulator.Transport.TCP, null, null, "127.0.0.1", tcpPort, 20, 8L), ScanMix.ALL_GOOD, 2_500,
                2_500);
        try {
            mqtt.start();
            tcp.start();
            Thread.sleep(8_000);
            hub.destroyForcibly().waitFor();
            Thread.sleep(3_000);
            hub = startHub(brokerUrl, erp.url(), dbUrl, 2);
            Thread.sleep(5_000);
            mqtt.stop();
            tcp.stop();
            Set<String> mqttSerials = AcceptedSerials.serials(0, 2_500);
            long mqttSent = mqtt.sent();
            System.out.printf("kill test: MQTT sent %d, TCP sent %d, ERP so far %s%n", mqttSent, tcp.sent(),
                    erp.countsByType());
            try {
                await("every MQTT scan the broker took is accepted").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> AcceptedSerials.accepted(erp, mqttSerials).size() >= mqttSent);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                Set<String> got = AcceptedSerials.accepted(erp, mqttSerials);
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < mqttSent + 20 && missing.size() < 10; i++) {
                    String serial = DemoCatalog.item(i).serial();
                    if (!got.contains(serial)) {
                        missing.add(i + ":" + serial);
                    }
                }
                System.out.println("kill test: accepted " + got.size() + " of " + mqttSent + ", first missing " + missing);
                throw e;
            }
            Set<String> tcpSerials = AcceptedSerials.serials(2_500, 2_500);
            long[] last = {-1};
            await("TCP deliveries settle").atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
                long now = AcceptedSerials.accepted(erp, tcpSerials).size();
                boolean settled = now == last[0];
                last[0] = now;
                return settled;
            });
            long tcpAccepted = AcceptedSerials.accepted(erp, tcpSerials).size();
            FaultReport.add(new FaultReport.Row("hub killed (SIGKILL) under load and restarted", mqttSent + tcp.sent(),
                    AcceptedSerials.accepted(erp, mqttSerials).size() + tcpAccepted, erp.distinctCount(),
                    mqttSent - AcceptedSerials.accepted(erp, mqttSerials).size() + (tcp.sent() - tcpAccepted), erp.duplicateCount(),
                    "MQTT lost " + (mqttSent - AcceptedSerials.accepted(erp, mqttSerials).size()) + "; TCP frames the killed process"
                            + " had read but not recorded: " + (tcp.sent() - tcpAccepted)));
            assertEquals(mqttSent, AcceptedSerials.accepted(erp, mqttSerials).size(), "every MQTT scan accepted exactly once");
            assertTrue(tcp.sent() - tcpAccepted <= 20, "TCP loss limited to frames in flight at the kill");
        } finally {
            mqtt.close();
            tcp.close();
            hub.destroyForcibly().waitFor();
            erp.stop();
            broker.stop();
        }
    }
}
