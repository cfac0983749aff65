package io.linehub.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault suite's table (fault, scans sent, accepted, events delivered, lost, duplicates), printed
 * and appended to target/fault-report.md, which docs/reliability.md reproduces.
 */
final class FaultReport {

    /** One fault's counts. {@code lost}: scans sent and never accepted, or accepted and never delivered. */
    record Row(String fault, long sent, long accepted, long delivered, long lost, long duplicates, String note) {
    }

    private static final Path FILE = Path.of("target", "fault-report.md");
    private static final List<Row> ROWS = new ArrayList<>();

    private FaultReport() {
    }

    static synchronized void add(Row row) {
        ROWS.add(row);
        String line = String.format("| %s | %d | %d | %d | %d | %d | %s |%n", row.fault(), row.sent(), row.accepted(),
                row.delivered(), row.lost(), row.duplicates(), row.note());
        System.out.print("FAULT " + line);
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, "| fault | scans sent | accepted | events delivered | lost | duplicates | note |\n"
                        + "|---|---|---|---|---|---|---|\n");
            }
            Files.writeString(FILE, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("fault report not written: " + e.getMessage());
        }
    }
}
