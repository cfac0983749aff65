package io.linehub.bench;

import io.linehub.Hub;
import io.linehub.HubMode;
import io.linehub.HubOptions;
import io.linehub.config.ConfigFolder;
import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.FreePort;
import io.linehub.sim.LatencyHistogram;
import io.linehub.sim.PrinterLabel;
import io.linehub.sim.PrinterSimulator;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Print path benchmark: a hub (embedded broker, fresh H2) with N simulated Zebra printers on loopback;
 * jobs posted over HTTP by concurrent clients, each naming only the GTIN (the hub takes serials from the
 * pool); prints labels/s and latency from job accepted (HTTP answer) to the label's last byte at the printer.
 * Usage: PrintBenchmark [printers] [labels] [clients]
 */
public final class PrintBenchmark {

    /** Prefix of the line holding the figures as JSON, for {@link Benchmarks}. */
    static final String RESULT = "RESULT ";
    private static final String GTIN = "09501101530003";
    private static final Pattern SERIAL = Pattern.compile("SN: ([A-Za-z0-9]+)\\^FS");

    private PrintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int printers = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int labels = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path dir = Files.createTempDirectory("linehub-print-bench");
        List<PrinterSimulator> sims = new ArrayList<>();
        StringBuilder devices = new StringBuilder("devices:\n");
        for (int p = 0; p < printers; p++) {
            PrinterSimulator sim = new PrinterSimulator(0).start();
            sims.add(sim);
            devices.append("  - {id: P").append(p).append(", kind: printer, line: bench, host: 127.0.0.1, port: ")
                    .append(sim.port()).append(", template: unit-label}\n");
        }
        Path config = ConfigFolder.copyWithDevices(Path.of("config"), dir.resolve("config"), devices.toString());
        int http = FreePort.find();
        Hub hub = Hub.start(new HubOptions(HubMode.RUN, config, Map.of(
                "linehub.mqtt.url", "tcp://127.0.0.1:" + FreePort.find(), "linehub.db.url",
                "jdbc:h2:file:" + dir.resolve("linehub").toAbsolutePath(), "linehub.data.dir", dir.toString(),
                "camel.server.port", String.valueOf(http), "camel.management.port", String.valueOf(http),
                "linehub.tcp.port", String.valueOf(FreePort.find()), "linehub.destination.erp.url", "",
                "linehub.printer.poll-ms", "20", "linehub.hub-id", "printbench")));
        provision(hub.bean("hubDataSource", DataSource.class), labels);

        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        HttpClient client = HttpClient.newHttpClient();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < labels; i = next.getAndIncrement()) {
                    String body = "{\"printer\":\"P" + (i % printers) + "\",\"template\":\"unit-label\","
                            + "\"fields\":{\"gtin\":\"" + GTIN + "\"}}";
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + http + "/api/print-jobs"))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher m = Pattern.compile("\"serial\":\"([^\"]+)\"").matcher(r.body());
                    if (r.statusCode() != 202 || !m.find()) {
                        throw new IllegalStateException("job refused: " + r.body());
                    }
                    accepted.put(m.group(1), Instant.now());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double acceptSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (sims.stream().mapToLong(PrinterSimulator::labelCount).sum() < labels && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        LatencyHistogram latency = new LatencyHistogram();
        long printed = 0;
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        for (PrinterSimulator sim : sims) {
            for (PrinterLabel label : sim.labels()) {
                Matcher m = SERIAL.matcher(label.text());
                if (m.find() && accepted.containsKey(m.group(1))) {
                    printed++;
                    seen.merge(m.group(1), 1, Integer::sum);
                    latency.record(Duration.between(accepted.get(m.group(1)), label.receivedAt()).toNanos() / 1000);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("printers", printers);
        result.put("jobs", labels);
        result.put("labelsPrinted", printed);
        result.put("duplicates", seen.values().stream().filter(n -> n > 1).count());
        result.put("jobsAcceptedPerSecond", Math.round(labels / acceptSeconds));
        result.put("labelsPerSecond", Math.round(printed / totalSeconds));
        result.put("latencyP50Ms", latency.percentile(50) / 1000.0);
        result.put("latencyP99Ms", latency.percentile(99) / 1000.0);
        result.put("latencyMaxMs", latency.max() / 1000.0);
        BenchReport.print(result);
        System.out.println(RESULT + BenchReport.jsonLine(result));
        pool.shutdown();
        hub.close();
        sims.forEach(PrinterSimulator::close);
        System.exit(printed == labels ? 0 : 1);
    }

    private static void provision(DataSource ds, int count) {
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status,product\n");
        for (int i = 0; i < count; i++) {
            csv.append(GTIN).append(",B").append(String.format("%08d", i)).append(",LB1,2029-06-30,provisioned,Bench\n");
        }
        new SerialImporter(ds).importCsv(new StringReader(csv.toString()));
    }
}
