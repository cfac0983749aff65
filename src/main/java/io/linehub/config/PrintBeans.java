package io.linehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.api.PrintApi;
import io.linehub.cluster.ClusterBeans;
import io.linehub.masterdata.SerialPool;
import io.linehub.mqtt.MqttConnection;
import io.linehub.masterdata.SerialQuery;
import io.linehub.print.LabelRenderer;
import io.linehub.print.LabelTemplates;
import io.linehub.print.PrintJobIntake;
import io.linehub.print.PrintJobStore;
import io.linehub.print.PrintLedger;
import io.linehub.print.PrintVerifyWatch;
import io.linehub.print.PrinterQueue;
import io.linehub.print.PrinterQueues;
import io.linehub.print.PrinterStatusTopic;
import io.linehub.relay.EventRecorder;
import io.linehub.scan.Device;
import io.linehub.scan.DeviceRegistry;
import io.linehub.scan.ScanOutcomeListeners;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Endpoint;

/** Wires printing: templates from config/labels, the job intake and ledger, one queue per printer. */
final class PrintBeans {

    private PrintBeans() {
    }

    static void bind(CamelContext context, HubProperties props, DataSource dataSource, DeviceRegistry devices,
                     EventRecorder recorder, ObjectMapper json, ScanOutcomeListeners listeners, MqttConnection mqtt)
            throws Exception {
        LabelRenderer renderer = new LabelRenderer(LabelTemplates.load(
                Path.of(props.get("linehub.config.dir", "config")).resolve(props.get("linehub.labels.dir", "labels"))));
        PrintJobStore store = new PrintJobStore(json);
        SerialPool pool = new SerialPool(dataSource);
        PrintLedger ledger = new PrintLedger(dataSource, store, pool, recorder);
        String prefix = props.get("linehub.mqtt.prefix", "linehub");
        Map<String, String> lines = new HashMap<>();
        devices.all().stream().filter(Device::isPrinter).forEach(d -> lines.put(d.id(), d.line()));
        PahoMqtt5Endpoint statusEndpoint = MqttEndpoints.producer(context, mqtt, prefix + "/printer-status",
                props.get("linehub.hub-id") + "-printer-status");
        PrinterStatusTopic statusTopic = new PrinterStatusTopic(context.createProducerTemplate(), statusEndpoint,
                prefix, lines, json);
        PrinterQueues queues = new PrinterQueues(ledger);
        Duration statusTimeout = Duration.ofMillis(props.getInt("linehub.printer.status-timeout-ms", 2000));
        Duration backoffMax = Duration.ofMillis(props.getInt("linehub.printer.backoff-max-ms", 10_000));
        int formatsPerSend = props.getInt("linehub.printer.formats-per-send", 8);
        for (Device d : devices.all()) {
            if (d.isPrinter() && d.host() != null) {
                PrinterQueue queue = new PrinterQueue(d.id(), d.host(), d.port() == null ? 9100 : d.port(), ledger,
                        renderer, statusTimeout, backoffMax, statusTopic, ClusterBeans.fence(context), formatsPerSend);
                if (ClusterBeans.enabled(props)) {
                    queues.register(d.id(), queue); // recovery on takeover, not at start (another hub may print)
                } else {
                    queues.add(d.id(), queue);
                }
            }
        }
        context.addService(new ClosingService("printerQueues", queues::closeAll), true, true);
        context.getRegistry().bind("printerQueues", queues);
        PrintJobIntake intake = new PrintJobIntake(dataSource, store, pool, renderer, devices, new SerialQuery(dataSource));
        context.addService(new ClosingService("printJobIntake", intake), true, true);
        context.getRegistry().bind("printJobIntake", intake);
        PrintVerifyWatch verify = new PrintVerifyWatch(dataSource, recorder,
                Duration.ofSeconds(props.getInt("linehub.print.verify-timeout-seconds", 0)));
        context.getRegistry().bind("printVerifyWatch", verify);
        String verifyStation = props.get("linehub.print.verify-station", "print-verify");
        listeners.add((scan, events) -> {
            if (verifyStation.equals(scan.station())) {
                verify.flagMisreads(events);
            }
        });
        context.getRegistry().bind("printApi", new PrintApi(intake, ledger, recorder, json, prefix));
    }
}
