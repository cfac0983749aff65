package io.linehub;

import io.linehub.config.HubProperties;
import io.linehub.masterdata.SerialImporter;
import io.linehub.print.PrintJobIntake;
import io.linehub.print.PrintJobRequest;
import io.linehub.sim.PrinterLabel;
import io.linehub.sim.PrinterSimulator;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * demo mode's printing line: a simulated Zebra (P1), a job a second for serials from the pool, a
 * verification scanner that reads every printed label back (commissioning it), and a paper-out every
 * minute that is fixed ten seconds later.
 */
final class DemoPrinting implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("linehub.demo");
    private static final String GTIN = "09501101530003";
    private static final Pattern SERIAL = Pattern.compile("SN: ([A-Za-z0-9]+)\\^FS");
    private static final Pattern LOT = Pattern.compile("LOT: ([A-Za-z0-9]+)\\^FS");
    private static final Pattern EXPIRY = Pattern.compile("EXP: ([0-9]{6})\\^FS");

    private final PrinterSimulator printer;
    private MqttClient verifier;
    private int verified;

    private DemoPrinting(PrinterSimulator printer) {
        this.printer = printer;
    }

    /** The simulated printer must listen before the hub's queue first asks it for ~HS. */
    static DemoPrinting startPrinter(HubProperties props) {
        PrinterSimulator printer = new PrinterSimulator(props.getInt("linehub.demo.printer-port", 9101)).start();
        LOG.info("demo printer P1 (simulated Zebra) listening on 127.0.0.1:{}", printer.port());
        return new DemoPrinting(printer);
    }

    void startJobs(CamelContext context, HubProperties props, ScheduledExecutorService scheduler) throws Exception {
        DataSource ds = context.getRegistry().lookupByNameAndType("hubDataSource", DataSource.class);
        provisionPool(ds, props.getInt("linehub.demo.pool-serials", 5000));
        PrintJobIntake intake = context.getRegistry().lookupByNameAndType("printJobIntake", PrintJobIntake.class);
        verifier = new MqttClient(props.get("linehub.mqtt.url"), props.get("linehub.hub-id") + "-demo-verifier",
                new MemoryPersistence());
        verifier.connect();
        String topic = props.get("linehub.mqtt.prefix", "linehub") + "/line1/scanner/verifier-1/scan";
        long every = Math.max(50, 1000 / Math.max(1, props.getInt("linehub.demo.labels-per-second", 1)));
        scheduler.scheduleAtFixedRate(() -> {
            try {
                intake.accept(new PrintJobRequest(null, "P1", "unit-label", 1, Map.of("gtin", GTIN)));
            } catch (RuntimeException | java.sql.SQLException e) {
                LOG.warn("demo print job not accepted: {}", e.getMessage());
            }
        }, 2000, every, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> verify(topic), 2500, 500, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> {
            LOG.info("demo: printer P1 runs out of paper (fixed in 10 s)");
            printer.paperOut(true);
            scheduler.schedule(() -> {
                printer.paperOut(false);
                LOG.info("demo: paper loaded on printer P1");
            }, 10, TimeUnit.SECONDS);
        }, 60, 60, TimeUnit.SECONDS);
    }

    /** Reads each new label back as the verification scanner after the printer would. */
    private void verify(String topic) {
        var labels = printer.labels();
        for (int i = verified; i < labels.size(); i++) {
            PrinterLabel label = labels.get(i);
            Matcher sn = SERIAL.matcher(label.text());
            Matcher lot = LOT.matcher(label.text());
            Matcher exp = EXPIRY.matcher(label.text());
            if (sn.find() && lot.find() && exp.find()) {
                String code = "]d201" + GTIN + "17" + exp.group(1) + "10" + lot.group(1) + "\u001d21" + sn.group(1);
                try {
                    verifier.publish(topic, code.getBytes(StandardCharsets.UTF_8), 1, false);
                } catch (Exception e) {
                    LOG.debug("demo verification scan not sent: {}", e.getMessage());
                    return;
                }
            }
            verified = i + 1;
        }
    }

    private static void provisionPool(DataSource ds, int count) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM serial WHERE status = 'provisioned'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        StringBuilder csv = new StringBuilder("gtin,serial,lot,expiry,status\n");
        for (int i = 0; i < count; i++) {
            csv.append(GTIN).append(",PR").append(String.format("%07d", i)).append(",L2700,2029-06-30,provisioned\n");
        }
        new SerialImporter(ds).importCsv(new StringReader(csv.toString()));
        LOG.info("demo serial pool: {} provisioned serials of {}", count, GTIN);
    }

    long labelsPrinted() {
        return printer.labelCount();
    }

    @Override
    public void close() {
        try {
            if (verifier != null && verifier.isConnected()) {
                verifier.disconnect();
            }
        } catch (Exception e) {
            // stopping anyway
        }
        printer.close();
    }
}
