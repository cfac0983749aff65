package io.linehub.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the TSV form of the AI table (see the header of {@code gs1/ai-table.tsv}) into definitions. */
final class AiTableReader {

    private static final int COLUMNS = 8;

    private AiTableReader() {
    }

    static List<AiDefinition> read(BufferedReader reader) throws IOException {
        List<AiDefinition> definitions = new ArrayList<>();
        boolean headerSeen = false;
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                continue;
            }
            try {
                definitions.addAll(row(line.split("\t", -1)));
            } catch (RuntimeException e) {
                throw new IllegalStateException("ai-table.tsv line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return definitions;
    }

    private static List<AiDefinition> row(String[] cells) {
        if (cells.length != COLUMNS) {
            throw new IllegalArgumentException("expected " + COLUMNS + " columns, got " + cells.length);
        }
        List<AiComponent> components = Arrays.stream(cells[2].trim().split(" +")).map(AiComponent::parse).toList();
        boolean predefined = yesNo(cells[1]);
        List<List<String>> requires = groups(cells[3], ";");
        List<String> excludes = list(cells[4], ",");
        boolean dlKey = yesNo(cells[5]);
        List<List<String>> qualifiers = groups(cells[6], "\\|");
        List<AiDefinition> expanded = new ArrayList<>();
        for (String ai : expand(cells[0].trim())) {
            expanded.add(new AiDefinition(ai, cells[7].trim(), predefined, components, requires, excludes, dlKey,
                    qualifiers));
        }
        return expanded;
    }

    /** "3100-3105" becomes 3100 ... 3105; a single AI stays itself. */
    private static List<String> expand(String range) {
        String[] ends = range.split("-");
        if (ends.length == 1) {
            return List.of(digits(ends[0]));
        }
        String first = digits(ends[0]);
        String last = digits(ends[1]);
        if (ends.length != 2 || first.length() != last.length() || first.compareTo(last) > 0) {
            throw new IllegalArgumentException("bad AI range '" + range + "'");
        }
        List<String> ais = new ArrayList<>();
        for (int n = Integer.parseInt(first); n <= Integer.parseInt(last); n++) {
            ais.add(String.format("%0" + first.length() + "d", n));
        }
        return ais;
    }

    private static String digits(String ai) {
        if (!ai.matches("[0-9]{2,4}")) {
            throw new IllegalArgumentException("AI must be 2 to 4 digits: '" + ai + "'");
        }
        return ai;
    }

    private static boolean yesNo(String cell) {
        return switch (cell.trim()) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("expected yes or no, got '" + cell + "'");
        };
    }

    private static List<List<String>> groups(String cell, String separator) {
        return list(cell, separator).stream().map(group -> list(group, ",")).toList();
    }

    private static List<String> list(String cell, String separator) {
        String trimmed = cell.trim();
        if (trimmed.equals("-") || trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(trimmed.split(separator)).map(String::trim).toList();
    }
}
