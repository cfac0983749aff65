package io.linehub.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that Camel's sftp producer (JSch) delivers to {@link SftpServerFixture} (MINA SSHD), and survives an outage. */
class SftpServerFixtureTest {

    private static final String USER = "cmo";
    private static final String PASSWORD = "s3cret";
    private static final String TEMP_PREFIX = ".part-";

    @TempDir
    Path root;
    @TempDir
    Path sshDir;

    private SftpServerFixture server;
    private CamelContext camel;
    private ProducerTemplate producer;

    @AfterEach
    void tearDown() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * The options under test, all camel-ftp 4.17 sftp endpoint options. Not here on purpose: binary and timeout,
     * which only the FTP client reads (SFTP has no ASCII mode; connectTimeout and soTimeout cover JSch).
     */
    private String sftpUri(String hostKeyOptions) {
        return "sftp://" + USER + "@127.0.0.1:" + server.port() + "/epcis"
                + "?password=RAW(" + PASSWORD + ")"
                + "&" + hostKeyOptions
                + "&fileName=${header.name}"
                + "&autoCreate=true"
                + "&tempPrefix=" + TEMP_PREFIX
                + "&fileExist=Override"
                + "&eagerDeleteTargetFile=false"
                + "&connectTimeout=2000"
                + "&soTimeout=5000"
                + "&maximumReconnectAttempts=1"
                + "&reconnectDelay=200";
    }

    private void startCamel(String uri) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    private void send(String name, byte[] body) {
        producer.sendBodyAndHeader("direct:in", body, "name", name);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("epcis"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void uploadsTwoFilesWithExactBytesThroughATempNameAndLeavesNoTempFiles() throws Exception {
        server = new SftpServerFixture(root, USER, PASSWORD).start();
        assertTrue(server.port() > 0, "bound a free port: " + server.port());
        startCamel(sftpUri("strictHostKeyChecking=no&useUserKnownHostsFile=false"));

        // CRLF and non-ASCII would be mangled by an ASCII-mode transfer; the large one spans many SFTP write packets
        byte[] small = "{\"type\":\"EPCISDocument\",\"note\":\"Grüße\"}\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[300_000];
        new Random(42).nextBytes(large);
        send("batch-0001.json", small);
        send("batch-0002.json", large);

        assertArrayEquals(small, Files.readAllBytes(root.resolve("epcis/batch-0001.json")), "first file, exact bytes");
        assertArrayEquals(large, Files.readAllBytes(root.resolve("epcis/batch-0002.json")), "second file, exact bytes");
        assertEquals(List.of("batch-0001.json", "batch-0002.json"), listing(), "no temp file left behind");

        List<String> events = server.events();
        assertEquals(List.of(
                "write /epcis/" + TEMP_PREFIX + "batch-0001.json",
                "rename /epcis/" + TEMP_PREFIX + "batch-0001.json -> /epcis/batch-0001.json",
                "write /epcis/" + TEMP_PREFIX + "batch-0002.json",
                "rename /epcis/" + TEMP_PREFIX + "batch-0002.json -> /epcis/batch-0002.json"), events,
                "the partner only ever sees a final name once its file is complete");
    }

    @Test
    void aRetriedBatchWithTheSameNameOverwritesTheEarlierFile() throws Exception {
        server = new SftpServerFixture(root, USER, PASSWORD).start();
        startCamel(sftpUri("strictHostKeyChecking=no&useUserKnownHostsFile=false"));

        send("batch-0007.json", "first attempt".getBytes(StandardCharsets.UTF_8));
        send("batch-0007.json", "retry".getBytes(StandardCharsets.UTF_8));

        assertEquals("retry", Files.readString(root.resolve("epcis/batch-0007.json")), "fileExist=Override replaced it");
        assertEquals(List.of("batch-0007.json"), listing(), "no temp file left behind");
    }

    @Test
    void failsFastWhileThePartnerIsDownAndDeliversAgainAfterItsRestartOnTheSamePortAndHostKey() throws Exception {
        server = new SftpServerFixture(root, USER, PASSWORD).start();
        int port = server.port();
        String hostKey = server.knownHostsLine();
        // strict checking against a known_hosts file (as production should run): a changed host key would fail
        Path knownHosts = Files.writeString(sshDir.resolve("known_hosts"), hostKey + "\n");
        startCamel(sftpUri("strictHostKeyChecking=yes&knownHostsFile=" + knownHosts));

        send("before.json", "before".getBytes(StandardCharsets.UTF_8));
        assertEquals("before", Files.readString(root.resolve("epcis/before.json")));

        server.stop();
        assertFalse(server.isRunning());
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }, "a stopped partner refuses connections");

        long started = System.nanoTime();
        CamelExecutionException failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(CamelExecutionException.class,
                        () -> send("during.json", "during".getBytes(StandardCharsets.UTF_8))),
                "the producer gives up instead of hanging");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertInstanceOf(GenericFileOperationFailedException.class, failure.getCause(), "cause: " + failure.getCause());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "failed within a few seconds, took " + took);
        assertFalse(Files.exists(root.resolve("epcis/during.json")));

        server.restart();
        assertEquals(port, server.port(), "restarted on the same port");
        assertEquals(hostKey, server.knownHostsLine(), "restarted with the same host key");

        send("after.json", "after".getBytes(StandardCharsets.UTF_8));
        assertEquals("after", Files.readString(root.resolve("epcis/after.json")), "delivers again after the restart");
        assertEquals(List.of("after.json", "before.json"), listing(), "no temp file left behind");
    }
}
