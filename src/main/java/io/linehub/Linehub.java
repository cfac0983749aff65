package io.linehub;

import io.linehub.epc.EpcCommand;
import io.linehub.gs1.ParseCommand;
import io.linehub.sim.SimulatorCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one jar's entry point: dispatches the run, demo, parse and epc commands of the contract, and printer-sim and
 * erp-receiver, which run one simulator alone (for containers and test rigs).
 */
public final class Linehub {

    private Linehub() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        Path configDir = Path.of("config");
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                configDir = Path.of(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        String command = rest.isEmpty() ? "run" : rest.remove(0);
        switch (command) {
            case "run" -> Hub.start(new HubOptions(HubMode.RUN, configDir)).awaitShutdown();
            case "demo" -> Hub.start(new HubOptions(HubMode.DEMO, configDir)).awaitShutdown();
            case "parse" -> System.exit(ParseCommand.run(rest.toArray(String[]::new), System.in, System.out));
            case "epc" -> System.exit(EpcCommand.run(rest.toArray(String[]::new), System.in, System.out));
            case "printer-sim" -> simulator(() -> SimulatorCommand.printerSim(rest));
            case "erp-receiver" -> simulator(() -> SimulatorCommand.erpReceiver(rest));
            default -> usage(null);
        }
    }

    private interface Simulator {
        void run() throws InterruptedException;
    }

    private static void simulator(Simulator simulator) throws InterruptedException {
        try {
            simulator.run();
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println("usage: java -jar linehub.jar [run|demo|parse|epc] [--config DIR]");
        System.err.println("       java -jar linehub.jar " + SimulatorCommand.USAGE);
        System.exit(2);
    }
}
