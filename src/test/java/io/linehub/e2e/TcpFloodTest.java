package io.linehub.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.sim.DemoCatalog;
import io.linehub.sim.DemoSeeder;
import io.linehub.sim.EventReceiver;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile TCP clients against the scanner listener: hundreds of connections from one address, and a
 * client sending a byte at a time. The hub bounds both and keeps serving the line's scanner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpFloodTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    private HubEnvironment env;
    private EventReceiver erp;
    private TestHub hub;
    private int next = 10;

    @BeforeAll
    void start() throws Exception {
        env = new EmbeddedEnvironment();
        erp = new EventReceiver(0, "/erp/events", true);
        erp.start();
        hub = new TestHub(env, erp.url(), Map.of("linehub.destination.erp.types", "scan.accepted",
                "linehub.tcp.max-connections", "60", "linehub.tcp.max-connections-per-address", "20",
                "linehub.tcp.frame-timeout-ms", "1000"));
        hub.start();
        DemoSeeder.seedIfEmpty(hub.dataSource(), 1_000);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        erp.stop();
        env.close();
    }

    /** scanner-tcp-1 (127.0.0.1) sends one good scan; true when it is accepted. */
    private void lineScannerStillServed() throws Exception {
        int i = next++;
        hub.sendTcp((DemoCatalog.goodCode(i) + "\r\n").getBytes(StandardCharsets.UTF_8));
        String serial = DemoCatalog.item(i).serial();
        await("the line's scanner is served").atMost(WAIT)
                .until(() -> erp.events().stream().anyMatch(e -> serial.equals(e.serial())));
    }

    private static boolean closedByPeer(Socket s, Duration within) throws Exception {
        s.setSoTimeout((int) within.toMillis());
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Test
    void should_bound_connections_from_one_address_and_keep_serving_the_line() throws Exception {
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress("127.0.0.3", 0));
                s.connect(new InetSocketAddress("127.0.0.1", hub.tcpPort()), 2_000);
                flood.add(s);
            }
            int open = 0;
            for (Socket s : flood) {
                if (!closedByPeer(s, Duration.ofMillis(20))) {
                    open++;
                }
            }
            assertEquals(20, open, "at most max-connections-per-address stay open");
            lineScannerStillServed();
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
    }

    @Test
    void should_close_a_client_that_sends_a_byte_at_a_time() throws Exception {
        try (Socket slow = new Socket()) {
            slow.bind(new InetSocketAddress("127.0.0.4", 0));
            slow.connect(new InetSocketAddress("127.0.0.1", hub.tcpPort()), 2_000);
            slow.getOutputStream().write(']');
            slow.getOutputStream().flush();
            long start = System.nanoTime();
            assertTrue(closedByPeer(slow, Duration.ofSeconds(5)), "closed after the frame timeout");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 800, "not before the frame timeout: " + ms + " ms");
        }
        lineScannerStillServed();
    }

    @Test
    void should_leave_an_idle_scanner_connection_open() throws Exception {
        try (Socket idle = new Socket()) {
            idle.bind(new InetSocketAddress("127.0.0.5", 0));
            idle.connect(new InetSocketAddress("127.0.0.1", hub.tcpPort()), 2_000);
            assertTrue(!closedByPeer(idle, Duration.ofSeconds(2)), "no frame started: nothing to time out");
        }
    }
}
