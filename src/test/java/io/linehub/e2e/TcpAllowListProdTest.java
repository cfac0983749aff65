package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.ReceivedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The prod profile's TCP allow-list from outside: by default only the TCP scanners of devices.yaml may
 * connect (the shipped scanner-tcp-1 is 127.0.0.1). A connection from 127.0.0.2 (loopback too, on Linux)
 * is closed, and its scan never becomes an event; the listed scanner keeps working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpAllowListProdTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private HubEnvironment env;
    private EventReceiver erp;
    private TestHub hub;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.profile", "prod", "linehub.api.token", "tcp-allow-test"));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 100);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    private Optional<ReceivedEvent> eventFor(int catalogIndex) {
        String serial = DemoCatalog.item(catalogIndex).serial();
        return erp.events().stream().filter(e -> serial.equals(e.serial())).findFirst();
    }

    @Test
    void should_close_a_scanner_not_in_devices_yaml_and_never_process_its_scan() throws Exception {
        try (Socket stranger = new Socket(InetAddress.getByName("127.0.0.1"), hub.tcpPort(),
                InetAddress.getByName("127.0.0.2"), 0)) {
            stranger.setSoTimeout(5000);
            try {
                stranger.getOutputStream().write((DemoCatalog.goodCode(11) + "\r\n").getBytes(StandardCharsets.UTF_8));
                InputStream in = stranger.getInputStream();
                assertEquals(-1, in.read(), "the hub closes the connection from 127.0.0.2");
            } catch (IOException e) {
                // reset by the hub: closed as well
            }
        }
        hub.sendTcp((DemoCatalog.goodCode(12) + "\r\n").getBytes(StandardCharsets.UTF_8));
        ReceivedEvent allowed = await("the listed scanner's scan").atMost(WAIT).until(() -> eventFor(12),
                Optional::isPresent).orElseThrow();
        assertEquals("scanner-tcp-1", allowed.device(), "known by its address");
        assertEquals("scan.accepted", allowed.type(), "and served");
        // the refused scan was sent first; with the allowed one through, a second more is ample for a straggler
        await("no event for the refused scan").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> eventFor(11).isEmpty());
        assertTrue(erp.events().stream().noneMatch(e -> "UNKNOWN_DEVICE".equals(e.reason())),
                "not even as an unknown device: the scan never reached the pipeline");
    }
}
