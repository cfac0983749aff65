package io.linehub.masterdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams a comma-separated file whose columns are found by header name, keeping physical line numbers. */
final class CsvSerialReader implements SerialRowSource {

    /** Empty lines are kept as records so the parser's line counter stays aligned with each record's start. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    private static final Set<String> KNOWN = Set.of(GTIN, SERIAL, LOT, EXPIRY, STATUS, PRODUCT, REASON);
    private static final char BOM = '\uFEFF';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns;
    private final int headerSize;
    private boolean finished;

    private CsvSerialReader(CSVParser parser, Iterator<CSVRecord> records, Map<String, Integer> columns, int headerSize) {
        this.parser = parser;
        this.records = records;
        this.columns = columns;
        this.headerSize = headerSize;
    }

    /** Reads the header line; a header without {@code gtin} and {@code serial} rejects the whole file. */
    static CsvSerialReader open(Reader reader) throws IOException, RejectedInputException {
        CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(FORMAT).get();
        Iterator<CSVRecord> records = parser.iterator();
        try {
            if (!records.hasNext()) {
                throw new RejectedInputException("the file is empty: a header line with gtin and serial is required");
            }
            List<String> header = records.next().toList();
            Map<String, Integer> columns = columns(header);
            if (!columns.containsKey(GTIN) || !columns.containsKey(SERIAL)) {
                throw new RejectedInputException("the header must name the columns gtin and serial"
                        + " (comma-separated); found " + shortened(header.toString()));
            }
            return new CsvSerialReader(parser, records, columns, header.size());
        } catch (UncheckedIOException e) {
            parser.close();
            if (e.getCause() instanceof CSVException malformed) {
                throw new RejectedInputException("malformed CSV header: " + malformed.getMessage());
            }
            throw e.getCause();
        } catch (RejectedInputException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    @Override
    public RawSerialRow next() throws IOException {
        while (!finished) {
            int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    finished = true;
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e.getCause();
                }
                // an unbalanced quote swallows the rest of the file: report it once and keep what came before
                finished = true;
                return RawSerialRow.broken(line, "malformed CSV from this line on, rest of file skipped: "
                        + e.getCause().getMessage());
            }
            if (!isBlank(record)) {
                return toRow(line, record);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private RawSerialRow toRow(int line, CSVRecord record) {
        // more cells than header names usually means an unquoted comma that would shift every later column
        if (record.size() > headerSize) {
            return RawSerialRow.broken(line, record.size() + " fields but the header has " + headerSize
                    + " (unquoted comma?)");
        }
        Map<String, String> fields = new HashMap<>();
        columns.forEach((name, index) -> {
            if (index < record.size()) {
                fields.put(name, record.get(index));
            }
        });
        return RawSerialRow.of(line, fields);
    }

    private static Map<String, Integer> columns(List<String> header) throws RejectedInputException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (KNOWN.contains(name) && columns.putIfAbsent(name, i) != null) {
                throw new RejectedInputException("the header names the column " + name + " twice");
            }
        }
        return columns;
    }

    private static String shortened(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Reader skipBom(Reader reader) throws IOException {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        buffered.mark(1);
        if (buffered.read() != BOM) {
            buffered.reset();
        }
        return buffered;
    }
}
