package io.linehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.print.HostStatusParser;
import io.linehub.print.HostStatusResult;
import io.linehub.sim.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * printer-sim and erp-receiver run through {@link Linehub#main} as docker-compose runs them, and are talked to
 * from outside: a raw socket for the printer, HTTP for the receiver. Interrupting the command's thread stands in
 * for stopping the process.
 */
class SimulatorCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread command;

    @AfterEach
    void stopCommand() throws InterruptedException {
        if (command != null) {
            command.interrupt();
            command.join(10_000);
        }
    }

    @Test
    void printerSimAnswersHostStatusOnItsPortUntilStopped() throws Exception {
        int port = FreePort.find();
        command = run("printer-sim", "--port", String.valueOf(port));

        try (Socket printer = connect(port)) {
            printer.setSoTimeout(5_000);
            printer.getOutputStream().write("^XA^FDlabel^FS^XZ~HS".getBytes(StandardCharsets.US_ASCII));
            HostStatusResult status = HostStatusParser.parse(readHostStatus(printer.getInputStream()));
            assertTrue(status.isOk(), "a ~HS reply a Zebra would give: " + status);
            assertTrue(status.status().orElseThrow().ready(), "the standalone printer starts ready");
        }

        stop();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "port closed on stop");
    }

    @Test
    void erpReceiverTakesEventsByHttpAndCountsThem() throws Exception {
        int port = FreePort.find();
        command = run("erp-receiver", "--port", String.valueOf(port));
        connect(port).close();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String url = "http://127.0.0.1:" + port + "/erp/events";

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), "event accepted: " + posted.body());
        JsonNode summary = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(1, summary.path("distinct").asLong(), "the event is counted: " + summary);

        stop();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "port closed on stop");
    }

    private Thread run(String... args) {
        Thread thread = new Thread(() -> {
            try {
                Linehub.main(args);
            } catch (InterruptedException e) {
                // the expected way out
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "command-" + args[0]);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void stop() throws InterruptedException {
        command.interrupt();
        command.join(10_000);
        assertFalse(command.isAlive(), "the command returns when interrupted");
        assertEquals(null, failure.get(), "the command ended without an error");
    }

    private Socket connect(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return socket;
            } catch (IOException e) {
                socket.close();
                if (failure.get() != null) {
                    throw new AssertionError("the command failed", failure.get());
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** A ~HS reply is three STX..ETX CR LF strings. */
    private static byte[] readHostStatus(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int strings = 0;
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            reply.write(b);
            if (previous == '\r' && b == '\n' && ++strings == 3) {
                break;
            }
            previous = b;
        }
        return reply.toByteArray();
    }

    private static String event() {
        return "{\"eventId\":\"cmd-1\",\"type\":\"scan.accepted\",\"occurredAt\":\""
                + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"line\":\"line1\",\"device\":\"scanner-1\","
                + "\"gtin\":\"09501101530003\",\"serial\":\"SN00000001\",\"lot\":\"L2600\",\"expiry\":\"2028-01-31\","
                + "\"status\":\"commissioned\"}";
    }
}
