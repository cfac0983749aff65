package io.linehub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.FreePort;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario once against a freshly started hub and returns its figures. {@code scale} multiplies every
 * count (0.1 for a quick smoke run); rates are never scaled.
 */
final class Scenarios {

    private static final int SERIALS = 200_000;
    private static final int TCP_CONNECTIONS = 200;

    private final double scale;

    Scenarios(double scale) {
        this.scale = scale;
    }

    Map<String, Object> run(Scenario s) throws Exception {
        return switch (s) {
            case MQTT_H2 -> mqtt(HubSetup.Database.H2, SERIALS, new LoadSpec(0, n(50_000), n(10_000), SERIALS));
            case MQTT_PG -> mqtt(HubSetup.Database.POSTGRES, SERIALS,
                    new LoadSpec(0, n(50_000), n(10_000), SERIALS));
            case LATENCY_1K -> mqtt(HubSetup.Database.H2, SERIALS, new LoadSpec(1_000, n(30_000), n(10_000), SERIALS));
            case LATENCY_10K -> mqtt(HubSetup.Database.H2, SERIALS,
                    new LoadSpec(10_000, n(100_000), n(10_000), SERIALS));
            case CPU_5K -> mqtt(HubSetup.Database.H2, SERIALS, new LoadSpec(5_000, n(50_000), n(10_000), SERIALS));
            case MEMORY_1M -> mqtt(HubSetup.Database.H2, 1_000_000,
                    new LoadSpec(0, n(50_000), n(10_000), 1_000_000));
            case STARTUP -> startup(5);
            case TCP_200 -> tcp(new LoadSpec(TCP_CONNECTIONS * 50, n(100_000), n(10_000), SERIALS));
            case LABELS_10 -> labels(10, n(5_000), 8);
            case CEILING_MQTT -> Ceilings.mqttPublisher(n(200_000));
            case CEILING_TCP -> Ceilings.tcpGenerator(n(500_000), TCP_CONNECTIONS);
            case CEILING_RECEIVER -> Ceilings.receiver(n(500_000), 4);
        };
    }

    private int n(int count) {
        return (int) Math.max(1_000, Math.round(count * scale));
    }

    private static Map<String, Object> mqtt(HubSetup.Database db, int serials, LoadSpec spec) throws Exception {
        EventReceiver receiver = receiver();
        try (LaunchedHub hub = LaunchedHub.start(new HubSetup(db, serials, receiver.port(), Map.of()));
             MqttScanSender sender = MqttScanSender.toHub(hub)) {
            Map<String, Object> r = LoadRun.run(sender, receiver, hub.proc(), spec);
            r.put("database", db.name().toLowerCase());
            r.put("broker", hub.mqttUrl());
            r.put("serials", serials);
            return r;
        } finally {
            receiver.stop();
        }
    }

    private static Map<String, Object> tcp(LoadSpec spec) throws Exception {
        EventReceiver receiver = receiver();
        Map<String, String> limits = Map.of("linehub.tcp.max-connections", "1024",
                "linehub.tcp.max-connections-per-address", "1024");
        try (LaunchedHub hub = LaunchedHub.start(new HubSetup(HubSetup.Database.H2, SERIALS, receiver.port(), limits));
             TcpScanners scanners = new TcpScanners("127.0.0.1", hub.tcpPort(), TCP_CONNECTIONS)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("connections", TCP_CONNECTIONS);
            r.putAll(LoadRun.run(scanners, receiver, hub.proc(), spec));
            return r;
        } finally {
            receiver.stop();
        }
    }

    /**
     * As bin/linehub starts the hub (with its class-data-sharing archive, written first by a start that is not
     * counted when there is no current one), and for comparison as plain {@code java -jar}.
     */
    private static Map<String, Object> startup(int starts) throws Exception {
        if (!LaunchedHub.cdsCurrent()) {
            try (LaunchedHub training = LaunchedHub.start(embedded(HubSetup.CDS_WRITE))) {
                System.err.printf("class-data-sharing archive written by a start not counted (%d ms)%n",
                        training.readyMillis());
            }
        }
        List<Double> ready = new ArrayList<>();
        List<Double> tcp = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            try (LaunchedHub hub = LaunchedHub.start(embedded(HubSetup.CDS_USE))) {
                ready.add((double) hub.readyMillis());
                tcp.add((double) hub.tcpMillis());
            }
        }
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < Math.max(1, starts / 2); i++) {
            try (LaunchedHub hub = LaunchedHub.start(embedded(HubSetup.CDS_OFF))) {
                plain.add((double) hub.readyMillis());
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("starts", starts);
        r.put("readyMs", Medians.median(ready));
        r.put("minMs", ready.stream().mapToDouble(d -> d).min().orElse(0));
        r.put("maxMs", ready.stream().mapToDouble(d -> d).max().orElse(0));
        r.put("tcpListenerMs", Medians.median(tcp));
        r.put("cdsArchive", LaunchedHub.cdsCurrent());
        r.put("readyMsWithoutCds", Medians.median(plain));
        return r;
    }

    private static HubSetup embedded(String cds) {
        return new HubSetup(HubSetup.Database.H2, 0, 0, Map.of(HubSetup.EMBEDDED_BROKER, "true", HubSetup.CDS, cds));
    }

    /** PrintBenchmark in a JVM of its own (it runs an in-process hub), its figures read from its RESULT line. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(int printers, int jobs, int clients) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", LaunchedHub.jar().toString(), PrintBenchmark.class.getName(), String.valueOf(printers),
                String.valueOf(jobs), String.valueOf(clients)).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PrintBenchmark.RESULT)) {
                    result = line.substring(PrintBenchmark.RESULT.length());
                }
            }
        }
        p.waitFor();
        if (result == null) {
            throw new IllegalStateException("PrintBenchmark printed no result (exit " + p.exitValue() + ")");
        }
        Map<String, Object> r = new LinkedHashMap<>(new ObjectMapper().readValue(result, Map.class));
        r.put("lost", ((Number) r.get("jobs")).longValue() - ((Number) r.get("labelsPrinted")).longValue());
        return r;
    }

    private static EventReceiver receiver() {
        EventReceiver receiver = new EventReceiver(FreePort.find(), "/erp/events", false);
        receiver.start();
        return receiver;
    }
}
