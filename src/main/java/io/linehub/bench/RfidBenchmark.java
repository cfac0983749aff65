package io.linehub.bench;

import io.linehub.Hub;
import io.linehub.HubMode;
import io.linehub.HubOptions;
import io.linehub.epc.EpcEncoder;
import io.linehub.epc.EpcTag;
import io.linehub.masterdata.SerialImporter;
import io.linehub.sim.FreePort;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;

/**
 * RFID path benchmark: a hub (embedded broker, fresh H2) absorbing raw tag reads published flat out as a
 * portal would (messages of 100 plain-shape reads, QoS 1), TAGS distinct tags read over and over; prints
 * raw reads/s absorbed (all messages processed by rfid-in) and the observations recorded.
 * Usage: RfidBenchmark [reads] [tags]
 */
public final class RfidBenchmark {

    private static final String GTIN = "09501101530003";
    private static final int READS_PER_MESSAGE = 100;

    private RfidBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int tags = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("linehub-rfid-bench");
        int mqtt = FreePort.find();
        int http = FreePort.find();
        Hub hub = Hub.start(new HubOptions(HubMode.RUN, Path.of("config"), Map.of(
                "linehub.mqtt.url", "tcp://127.0.0.1:" + mqtt, "linehub.mqtt.prefix", "rfidbench",
                "linehub.db.url", "jdbc:h2:file:" + dir.resolve("linehub").toAbsolutePath(),
                "linehub.data.dir", dir.toString(), "camel.server.port", String.valueOf(http),
                "camel.management.port", String.valueOf(http), "linehub.tcp.port", String.valueOf(FreePort.find()),
                "linehub.destination.erp.url", "", "linehub.hub-id", "rfidbench")));
        DataSource ds = hub.bean("hubDataSource", DataSource.class);
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status\n");
        String[] hex = new String[tags];
        for (int t = 0; t < tags; t++) {
            csv.append(GTIN).append(',').append(t + 1).append(",LB1,2029-01-31,commissioned\n");
            hex[t] = ((EpcTag) EpcEncoder.encodeGtin(GTIN, String.valueOf(t + 1), 7, 1)).hex();
        }
        new SerialImporter(ds).importCsv(new StringReader(csv.toString()));

        FlowControlledPublisher client = new FlowControlledPublisher("tcp://127.0.0.1:" + mqtt, "rfid-bench-reader",
                500);
        ManagedRouteMBean route = hub.context().getCamelContextExtension()
                .getContextPlugin(ManagedCamelContext.class).getManagedRoute("rfid-in");
        long before = route.getExchangesCompleted();
        int messages = reads / READS_PER_MESSAGE;
        Instant base = Instant.now();
        long start = System.nanoTime();
        for (int m = 0; m < messages; m++) {
            StringBuilder body = new StringBuilder(READS_PER_MESSAGE * 80).append('[');
            for (int r = 0; r < READS_PER_MESSAGE; r++) {
                int read = m * READS_PER_MESSAGE + r;
                body.append(r == 0 ? "" : ",").append("{\"epc\":\"").append(hex[read % tags])
                        .append("\",\"antenna\":1,\"ts\":\"").append(base.plusMillis(read / tags)).append("\"}");
            }
            client.publish("rfidbench/bench/rfid/portal-1/reads",
                    body.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (route.getExchangesCompleted() - before < messages && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long processed = (route.getExchangesCompleted() - before) * READS_PER_MESSAGE;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rawReads", reads);
        result.put("distinctTags", tags);
        result.put("publishReadsPerSecond", Math.round(reads / publishSeconds));
        result.put("readsProcessed", processed);
        result.put("readsAbsorbedPerSecond", Math.round(processed / seconds));
        result.put("observationsRecorded", observations(ds));
        result.put("hubHeapUsedMb", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        BenchReport.print(result);
        client.close();
        hub.close();
        System.exit(processed == (long) messages * READS_PER_MESSAGE ? 0 : 1);
    }

    private static long observations(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE event_type = 'tag.observed'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
