package io.linehub.sim;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code printer-sim} and {@code erp-receiver} commands: one simulator alone in its own process, so a
 * container (docker-compose) or a test rig on another machine can stand in for a Zebra printer or the ERP without
 * running the demo. Each blocks until the process is stopped (or the calling thread is interrupted).
 */
public final class SimulatorCommand {

    public static final String USAGE = "printer-sim [--host 127.0.0.1] [--port 9100] | "
            + "erp-receiver [--host 127.0.0.1] [--port 8090]";
    static final int PRINTER_PORT = 9100;
    static final int ERP_PORT = 8090;
    static final String ERP_PATH = "/erp/events";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorCommand.class);

    private SimulatorCommand() {
    }

    /** A ready printer: no scripted paper-outs, unlike the demo's, so a compose stack prints steadily. */
    public static void printerSim(List<String> args) throws InterruptedException {
        SimulatorOptions options = SimulatorOptions.parse(args, PRINTER_PORT);
        PrinterSimulator printer = new PrinterSimulator(
                PrinterSimulator.Settings.defaults().withHost(options.host()).withPort(options.port()));
        printer.start();
        blockUntilStopped(printer);
    }

    /** Bounded, like the demo's receiver: a receiver left running for days must not grow without limit. */
    public static void erpReceiver(List<String> args) throws InterruptedException {
        SimulatorOptions options = SimulatorOptions.parse(args, ERP_PORT);
        EventReceiver receiver = new EventReceiver(options.host(), options.port(), ERP_PATH, false);
        receiver.start();
        LOG.info("ERP receiver: POST events to {}, GET it for the counts", receiver.url());
        blockUntilStopped(receiver);
    }

    private static void blockUntilStopped(AutoCloseable simulator) throws InterruptedException {
        try {
            // SIGTERM (docker stop) ends the JVM through its shutdown sequence; an interrupt ends an in-process run
            new CountDownLatch(1).await();
        } finally {
            try {
                simulator.close();
            } catch (Exception e) {
                LOG.warn("closing the simulator failed: {}", e.toString());
            }
        }
    }
}
