package io.linehub.bench;

import io.linehub.sim.FreePort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A hub started as a process of its own ({@code java -jar linehub.jar run}, embedded broker, its own ports and
 * data folder), ready once {@code /observe/health} answers UP; {@link #readyMillis()} is the time from process
 * start to that answer. Closing it stops the process and drops its PostgreSQL schema.
 */
final class LaunchedHub implements AutoCloseable {

    static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String H2_FILE = "linehub.mv.db";
    private static final Map<Integer, Path> H2_TEMPLATES = new HashMap<>();

    private final Process process;
    private final String mqttUrl;
    private final String prefix;
    private final int httpPort;
    private final int tcpPort;
    private final long readyMillis;
    private final long tcpMillis;
    private final Path dir;
    private final String pgSchema;
    private final String pgUser;

    private LaunchedHub(Process process, String mqttUrl, String prefix, int httpPort, int tcpPort, long readyMillis,
                        long tcpMillis, Path dir, String pgSchema, String pgUser) {
        this.process = process;
        this.mqttUrl = mqttUrl;
        this.prefix = prefix;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.readyMillis = readyMillis;
        this.tcpMillis = tcpMillis;
        this.dir = dir;
        this.pgSchema = pgSchema;
        this.pgUser = pgUser;
    }

    static LaunchedHub start(HubSetup setup) throws Exception {
        Path dir = Files.createTempDirectory("linehub-bench");
        // as the shipped config: the hub closes the database after its routes stop (H2's own shutdown hook closed
        // it under the running relays of a hub stopped while starting, flooding its log)
        String dbUrl = "jdbc:h2:file:" + dir.resolve("linehub").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        String user = "sa";
        String schema = null;
        if (setup.database() == HubSetup.Database.POSTGRES) {
            user = pgUser();
            schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            sql(user, "CREATE SCHEMA " + schema);
            dbUrl = PG_SERVER + "?currentSchema=" + schema;
        }
        if (setup.serials() > 0 && schema == null) {
            Files.copy(h2Template(setup.serials()), dir.resolve(H2_FILE));
        } else if (setup.serials() > 0) {
            seed(dbUrl, user, setup.serials());
        }
        int http = FreePort.find();
        int tcp = FreePort.find();
        String external = System.getenv("BENCH_MQTT_URL");
        // start-up is measured with the embedded defaults whatever broker the load scenarios use
        boolean embedded = external == null || external.isBlank() || setup.extra().containsKey(HubSetup.EMBEDDED_BROKER);
        String mqttUrl = embedded ? "tcp://127.0.0.1:" + FreePort.find() : external;
        // unique per hub: on a shared external broker the client ids and topics of two runs must not meet
        String id = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("linehub.mqtt.url", mqttUrl);
        props.put("linehub.mqtt.embedded", String.valueOf(embedded));
        props.put("linehub.mqtt.prefix", id);
        props.put("linehub.hub-id", id);
        props.put("linehub.db.url", dbUrl);
        props.put("linehub.db.user", user);
        props.put("linehub.db.password", "");
        props.put("linehub.data.dir", dir.toString());
        props.put("camel.server.host", "127.0.0.1");
        props.put("camel.server.port", String.valueOf(http));
        props.put("camel.management.port", String.valueOf(http));
        props.put("linehub.tcp.host", "127.0.0.1");
        props.put("linehub.tcp.port", String.valueOf(tcp));
        // the benchmark measures no shutdown: do not wait the default 20 s for in-flight work at the end
        props.put("camel.main.shutdown-timeout", "5");
        props.put("linehub.destination.erp.url", setup.receiverPort() > 0
                ? "http://127.0.0.1:" + setup.receiverPort() + "/erp/events" : "");
        setup.extra().forEach((k, v) -> {
            if (!k.equals(HubSetup.CDS)) {
                props.put(k, v);
            }
        });
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command(props, setup)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("hub.log").toFile()).start();
        long ready = awaitReady(p, http, started, dir);
        LaunchedHub hub = new LaunchedHub(p, mqttUrl, id, http, tcp, ready, awaitListening(tcp, started), dir,
                schema, user);
        System.err.printf("hub pid %d: health UP after %d ms, TCP listener after %d ms (log %s)%n", p.pid(),
                hub.readyMillis, hub.tcpMillis, dir.resolve("hub.log"));
        return hub;
    }

    private static List<String> command(Map<String, String> props, HubSetup setup) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(cds(setup.extra().getOrDefault(HubSetup.CDS, HubSetup.CDS_USE)));
        cmd.addAll(List.of(System.getenv().getOrDefault("HUB_JAVA_OPTS", DEFAULT_JAVA_OPTS).trim().split("\\s+")));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar().toString(), "run"));
        return cmd;
    }

    /** The class-data-sharing archive bin/linehub keeps beside the jar (see there). */
    static Path cdsArchive() throws Exception {
        String jar = jar().toString();
        return Path.of(jar.substring(0, jar.length() - ".jar".length()) + ".jsa");
    }

    /** As bin/linehub starts the hub: with its archive when there is a current one; "write" makes one at exit. */
    private static List<String> cds(String mode) throws Exception {
        Path archive = cdsArchive();
        if (HubSetup.CDS_WRITE.equals(mode)) {
            Files.deleteIfExists(archive);
            return List.of("-XX:ArchiveClassesAtExit=" + archive);
        }
        return HubSetup.CDS_USE.equals(mode) && cdsCurrent() ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /** An archive newer than the jar (bin/linehub's test: a rebuilt jar makes it stale). */
    static boolean cdsCurrent() throws Exception {
        Path archive = cdsArchive();
        return Files.exists(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar())) > 0;
    }

    /** A seeded H2 file per serial count, made once per benchmark JVM and copied for each hub. */
    private static synchronized Path h2Template(int serials) throws Exception {
        Path file = H2_TEMPLATES.get(serials);
        if (file == null) {
            Path dir = Files.createTempDirectory("linehub-bench-seed");
            seed("jdbc:h2:file:" + dir.resolve("linehub").toAbsolutePath(), "sa", serials);
            file = dir.resolve(H2_FILE);
            // deleted in reverse order of registration: the file, then its folder
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            H2_TEMPLATES.put(serials, file);
        }
        return file;
    }

    private static void seed(String url, String user, int serials) throws Exception {
        long t = System.nanoTime();
        MasterDataSeed.seed(url, user, "", serials);
        System.err.printf("seeded %,d serials in %d ms%n", serials, (System.nanoTime() - t) / 1_000_000);
    }

    long pid() {
        return process.pid();
    }

    HubProcess proc() {
        return HubProcess.of(process.pid());
    }

    /** The hub's broker: its embedded one, or BENCH_MQTT_URL (e.g. Mosquitto) when that is set. */
    String mqttUrl() {
        return mqttUrl;
    }

    /** The hub's MQTT topic prefix, unique per hub. */
    String prefix() {
        return prefix;
    }

    int tcpPort() {
        return tcpPort;
    }

    int httpPort() {
        return httpPort;
    }

    long readyMillis() {
        return readyMillis;
    }

    /** Process start to the TCP scanner listener accepting; it may bind after health is already UP. */
    long tcpMillis() {
        return tcpMillis;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (pgSchema != null) {
            sql(pgUser, "DROP SCHEMA " + pgSchema + " CASCADE");
        }
        // the log stays for a look afterwards; the database (up to ~100 MB) does not
        Files.deleteIfExists(dir.resolve(H2_FILE));
    }

    private static long awaitReady(Process p, int http, long started, Path dir) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/observe/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = started + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().replace(" ", "").startsWith("{\"status\":\"UP\"")) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IllegalStateException("hub did not become ready; log: " + dir.resolve("hub.log"));
    }

    private static long awaitListening(int port, long started) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return (System.nanoTime() - started) / 1_000_000;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the hub's TCP listener never accepted on port " + port);
    }

    /** The jar this class runs from, or target/linehub.jar (when run from classes, as in tests). */
    /** As bin/linehub starts the hub. */
    static final String DEFAULT_JAVA_OPTS = "-Xmx256m -XX:+UseSerialGC";

    static Path jar() throws Exception {
        Path self = Path.of(LaunchedHub.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return self.toString().endsWith(".jar") ? self : Path.of("target", "linehub.jar").toAbsolutePath();
    }

    private static String pgUser() {
        for (String candidate : new String[] {"postgres", "root"}) {
            try (var ignored = DriverManager.getConnection(PG_SERVER, candidate, "")) {
                return candidate;
            } catch (SQLException e) {
                // try the next role
            }
        }
        throw new IllegalStateException("no PostgreSQL role (postgres, root) accepted a trust login to 'test'");
    }

    private static void sql(String user, String statement) throws SQLException {
        try (var c = DriverManager.getConnection(PG_SERVER, user, ""); var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
