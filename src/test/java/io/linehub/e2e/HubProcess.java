package io.linehub.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.config.ConfigFolder;
import io.linehub.sim.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hub of a test environment run as its own JVM (the shipped config/ and routes/, devices.yaml of the
 * test), so a test can SIGKILL it and start it again under the same hub id, ports and data directory.
 */
final class HubProcess implements AutoCloseable {

    private final String hubId;
    private final Path dir;
    private final Path configDir;
    private final int httpPort = FreePort.find();
    private final Map<String, String> settings = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private int runs;

    HubProcess(HubEnvironment env, String hubId, String erpUrl, Map<String, String> extra, String devicesYaml)
            throws IOException {
        this.hubId = hubId;
        this.dir = Path.of("target", "e2e", "process-" + hubId).toAbsolutePath();
        Files.createDirectories(dir);
        this.configDir = ConfigFolder.copyWithDevices(Path.of("config"), dir.resolve("config"), devicesYaml);
        settings.put("linehub.hub-id", hubId);
        settings.put("linehub.mqtt.url", env.mqttUrl());
        settings.put("linehub.mqtt.embedded", "false");
        settings.put("linehub.mqtt.session-expiry", "600");
        settings.put("linehub.db.url", env.dbUrl());
        settings.put("linehub.db.user", env.dbUser());
        settings.put("linehub.db.password", env.dbPassword());
        settings.put("linehub.data.dir", dir.resolve("data").toString());
        settings.put("linehub.tcp.host", "127.0.0.1");
        settings.put("linehub.tcp.port", String.valueOf(FreePort.find()));
        settings.put("linehub.destination.erp.url", erpUrl);
        settings.put("linehub.destination.wms.url", "");
        settings.put("linehub.relay.poll-ms", "50");
        settings.put("linehub.relay.backoff-initial-ms", "100");
        settings.put("linehub.relay.backoff-max-ms", "1000");
        settings.putAll(env.hubSettings());
        settings.putAll(extra);
    }

    String hubId() {
        return hubId;
    }

    /** Starts the JVM and waits until its health answers 200. */
    void start() throws Exception {
        runs++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m",
                // C1 only and one GC thread: a hub that starts in seconds, not half a minute, on a shared 2-core machine
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("io.linehub.Linehub", "run", "--config", configDir.toString()));
        Path log = dir.resolve("hub-" + runs + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LINEHUB_HTTP_PORT", String.valueOf(httpPort));
        builder.environment().put("LINEHUB_HTTP_HOST", "127.0.0.1");
        Process started = builder.start();
        process = started;
        String[] lastHealth = {"no answer"};
        try {
            // generous: a separate JVM starting while the suite loads both cores can take a minute
            await("hub process " + hubId + " ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException("hub process exited: see " + log);
                        }
                        try {
                            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                    URI.create(httpUrl("/observe/health"))).build(), HttpResponse.BodyHandlers.ofString());
                            lastHealth[0] = health.statusCode() + " " + health.body();
                            return health.statusCode() == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("hub process " + hubId + " not ready; its health said: " + lastHealth[0]
                    + "; log: " + log, e);
        }
    }

    /** SIGKILL: no shutdown hook, no route stopped, no MQTT disconnect, no lock released by the hub itself. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    String httpUrl(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** Scans this hub accepted since its JVM started (GET /api/status). */
    long accepted() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(httpUrl("/api/status"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).path("hub").path("accepted").asLong();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
