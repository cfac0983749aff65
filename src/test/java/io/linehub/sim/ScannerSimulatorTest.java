package io.linehub.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScannerSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long SEED = 42;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void publishesTheSeededScanSequenceOverMqttInAllThreePayloadShapes() {
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(0);
        broker.start();
        toClose.add(broker::stop);
        MqttProbe hub = new MqttProbe(broker.url(), "hub").connect().subscribe("linehub/+/scanner/+/scan", 1);
        toClose.add(hub);
        ScannerSimulator scanner = new ScannerSimulator(
                ScannerSimulator.Settings.mqtt("line-1", "scanner-1", broker.url(), 200, SEED));
        toClose.add(scanner);

        scanner.start();
        await().atMost(WAIT).until(scanner::sent, n -> n >= 60);
        scanner.stop();
        await().atMost(WAIT).until(hub::count, n -> n == scanner.sent());

        List<String> expected = expectedCodes(hub.count());
        List<MqttProbe.Received> messages = hub.messages();
        for (int k = 0; k < messages.size(); k++) {
            MqttProbe.Received message = messages.get(k);
            assertEquals("linehub/line-1/scanner/scanner-1/scan", message.topic(), "scan topic");
            assertEquals(1, message.qos(), "QoS 1");
            assertEquals(expected.get(k), codeIn(message.text(), k), "message " + k + " carries the seeded code");
        }
        assertTrue(scanner.sent(ScanKind.GOOD) > scanner.sent() / 2, "mostly good scans: " + scanner.sentByKind());
    }

    @Test
    void writesTheSeededScanSequenceOverTcpCyclingThroughTheFramings() throws Exception {
        FrameListener listener = new FrameListener(0);
        toClose.add(listener);
        ScannerSimulator scanner = new ScannerSimulator(
                ScannerSimulator.Settings.tcp("line-1", "scanner-2", "127.0.0.1", listener.port(), 200, SEED));
        toClose.add(scanner);

        scanner.start();
        await().atMost(WAIT).until(scanner::sent, n -> n >= 40);
        scanner.stop();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        List<String> codes = expectedCodes((int) scanner.sent());
        for (int k = 0; k < codes.size(); k++) {
            expected.write(TcpScanSink.frame(codes.get(k), k));
        }
        await().atMost(WAIT).until(() -> listener.received().length == expected.size());
        assertArrayEquals(expected.toByteArray(), listener.received(), "bytes on the wire are the seeded scans framed "
                + "CRLF, CR, LF, STX/ETX in turn");
        String text = new String(listener.received(), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith(codes.get(0) + "\r\n" + codes.get(1) + "\r" + codes.get(2) + "\n\u0002"
                + codes.get(3) + "\u0003"), "first four frames use the four framings");
    }

    @Test
    void reconnectsWhenTheTcpListenerComesBack() throws Exception {
        FrameListener first = new FrameListener(0);
        int port = first.port();
        ScannerSimulator scanner = new ScannerSimulator(
                ScannerSimulator.Settings.tcp("line-1", "scanner-3", "127.0.0.1", port, 100, SEED));
        toClose.add(scanner);
        scanner.start();
        await().atMost(WAIT).until(() -> first.received().length > 0);

        first.close();
        FrameListener second = new FrameListener(port);
        toClose.add(second);

        await().atMost(WAIT).until(() -> second.received().length > 0);
        long before = scanner.sent();
        await().atMost(WAIT).until(scanner::sent, n -> n > before + 10);
        assertTrue(second.received().length > 0, "the scanner reconnected and kept sending");
    }

    @Test
    void keepsPublishingAfterTheBrokerRestarts() {
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(0);
        broker.start();
        toClose.add(broker::stop);
        ScannerSimulator scanner = new ScannerSimulator(
                ScannerSimulator.Settings.mqtt("line-2", "scanner-1", broker.url(), 100, SEED));
        toClose.add(scanner);
        scanner.start();
        await().atMost(WAIT).until(scanner::sent, n -> n > 10);

        broker.stop();
        broker.start();
        MqttProbe hub = new MqttProbe(broker.url(), "hub-after").connect().subscribe("linehub/line-2/scanner/+/scan", 1);
        toClose.add(hub);

        await().atMost(WAIT).until(hub::count, n -> n > 10);
        assertTrue(hub.count() > 10, "scans arrive after the broker came back");
    }

    @Test
    void sendsNoFasterThanTheConfiguredRate() throws Exception {
        FrameListener listener = new FrameListener(0);
        toClose.add(listener);
        ScannerSimulator scanner = new ScannerSimulator(
                ScannerSimulator.Settings.tcp("line-1", "scanner-4", "127.0.0.1", listener.port(), 50, SEED));
        toClose.add(scanner);

        long started = System.nanoTime();
        scanner.start();
        await().atMost(WAIT).until(scanner::sent, n -> n >= 50);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertTrue(seconds >= 0.8, "50 scans at 50/s take about a second, took " + seconds + " s");
    }

    @Test
    void theSameSeedGivesTheSameScansInTheConfiguredMix() {
        ScanGenerator one = new ScanGenerator(7, ScanMix.DEFAULT, 0, DemoCatalog.SERIALS);
        ScanGenerator two = new ScanGenerator(7, ScanMix.DEFAULT, 0, DemoCatalog.SERIALS);
        Map<ScanKind, Integer> counts = new EnumMap<>(ScanKind.class);
        int total = 20_000;
        for (int i = 0; i < total; i++) {
            ScanGenerator.Scan scan = one.next();
            assertEquals(scan, two.next(), "scan " + i + " is the same for the same seed");
            counts.merge(scan.kind(), 1, Integer::sum);
        }
        assertEquals(0.80, counts.get(ScanKind.GOOD) / (double) total, 0.02, "about 80% good");
        for (ScanKind kind : new ScanKind[] {ScanKind.UNKNOWN_SERIAL, ScanKind.MISMATCH, ScanKind.GARBAGE, ScanKind.REPEAT}) {
            assertEquals(0.05, counts.get(kind) / (double) total, 0.01, "about 5% " + kind);
        }
        ScanGenerator fresh = new ScanGenerator(7, ScanMix.ALL_GOOD, 10, 3);
        assertEquals(List.of(DemoCatalog.goodCode(10), DemoCatalog.goodCode(11), DemoCatalog.goodCode(12),
                DemoCatalog.goodCode(10)), List.of(fresh.next().code(), fresh.next().code(), fresh.next().code(),
                fresh.next().code()), "good scans walk the serial range in order and wrap");
    }

    private static List<String> expectedCodes(int n) {
        ScanGenerator generator = new ScanGenerator(SEED, ScanMix.DEFAULT, 0, DemoCatalog.SERIALS);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(generator.next().code());
        }
        return codes;
    }

    /** The code inside payload number {@code k}: raw, JSON, raw + CRLF in turn. */
    private static String codeIn(String payload, int k) {
        if (k % 3 == 1) {
            try {
                JsonNode json = JSON.readTree(payload);
                OffsetDateTime.parse(json.path("ts").asText());
                return json.path("data").asText();
            } catch (IOException e) {
                throw new AssertionError("payload " + k + " is not JSON: " + payload, e);
            }
        }
        if (k % 3 == 2) {
            assertTrue(payload.endsWith("\r\n"), "payload " + k + " ends in CR LF");
            return payload.substring(0, payload.length() - 2);
        }
        return payload;
    }

    /** A one-connection-at-a-time TCP listener that keeps every byte it reads. */
    private static final class FrameListener implements AutoCloseable {
        private final ServerSocket server;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<Socket> connections = new ArrayList<>();

        FrameListener(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            Thread acceptor = new Thread(this::acceptLoop, "frame-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        byte[] received() {
            synchronized (bytes) {
                return bytes.toByteArray();
            }
        }

        private void acceptLoop() {
            try {
                while (true) {
                    Socket socket = server.accept();
                    synchronized (connections) {
                        connections.add(socket);
                    }
                    read(socket);
                }
            } catch (IOException closed) {
                // listener closed
            }
        }

        private void read(Socket socket) {
            byte[] buffer = new byte[4096];
            try (InputStream in = socket.getInputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException closed) {
                // connection closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (connections) {
                for (Socket socket : connections) {
                    socket.close();
                }
            }
        }
    }
}
