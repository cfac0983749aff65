package io.linehub.epc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The TDS partition tables, read from {@code epc/partitions.tsv} so the numbers stay data. */
final class PartitionTable {

    private static final String RESOURCE = "/epc/partitions.tsv";
    private static final PartitionTable STANDARD = load();

    private final List<Partition> rows;

    private PartitionTable(List<Partition> rows) {
        this.rows = List.copyOf(rows);
    }

    static PartitionTable standard() {
        return STANDARD;
    }

    Optional<Partition> byValue(String family, int value) {
        return rows.stream().filter(p -> p.family().equals(family) && p.value() == value).findFirst();
    }

    Optional<Partition> byCompanyPrefixDigits(String family, int digits) {
        return rows.stream().filter(p -> p.family().equals(family) && p.cpDigits() == digits).findFirst();
    }

    private static PartitionTable load() {
        try (InputStream in = PartitionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<Partition> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("family\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new Partition(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])));
            }
            return new PartitionTable(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
