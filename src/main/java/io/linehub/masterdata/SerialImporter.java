package io.linehub.masterdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Imports serial master data from CSV or a JSON array as an idempotent, thread-safe upsert that keeps good
 * rows, reports bad ones by line, and throws on a database failure so that the caller retries the whole file.
 */
public final class SerialImporter {

    /** Rows per transaction: large enough for efficient batches, small enough to bound memory and lock time. */
    static final int CHUNK_SIZE = 1_000;

    /** New rows after which PostgreSQL's statistics of the serial table are refreshed at once. */
    static final int ANALYZE_AFTER_INSERTED = 10_000;

    private final SerialRowValidator validator = new SerialRowValidator();
    private final SerialUpsert upsert;
    private final DataSource dataSource;

    public SerialImporter(DataSource dataSource) {
        this.upsert = new SerialUpsert(dataSource);
        this.dataSource = dataSource;
    }

    /**
     * Imports a comma-separated file with a header line; columns are matched by name. Rows are applied
     * in file order, so a serial listed twice ends in its last row's state. The reader is read to the end
     * and closed.
     *
     * @throws MasterDataException on a database failure (chunks before it stay committed)
     * @throws UncheckedIOException when the reader itself fails
     */
    public ImportReport importCsv(Reader csv) {
        try (CsvSerialReader rows = CsvSerialReader.open(csv)) {
            return importRows(rows);
        } catch (RejectedInputException e) {
            return ImportReport.fileError(1, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the serial CSV failed", e);
        }
    }

    /**
     * Imports a JSON array of objects with the CSV's field names; a document that is not a well-formed
     * array is reported as one error at line 0 and imports nothing. The stream is read to the end and closed.
     *
     * @throws MasterDataException on a database failure (chunks before it stay committed)
     * @throws UncheckedIOException when the stream itself fails
     */
    public ImportReport importJson(InputStream json) {
        try (json; JsonSerialReader rows = JsonSerialReader.open(json)) {
            return importRows(rows);
        } catch (RejectedInputException e) {
            return ImportReport.fileError(0, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the serial JSON failed", e);
        }
    }

    private ImportReport importRows(SerialRowSource source) throws IOException {
        ImportTally tally = new ImportTally();
        List<SerialRow> chunk = new ArrayList<>(CHUNK_SIZE);
        for (RawSerialRow raw = source.next(); raw != null; raw = source.next()) {
            try {
                chunk.add(validator.validate(raw));
            } catch (RejectedInputException e) {
                tally.reject(raw.line(), e.getMessage());
            }
            if (chunk.size() == CHUNK_SIZE) {
                tally.add(upsert.apply(chunk));
                chunk.clear();
            }
        }
        tally.add(upsert.apply(chunk));
        ImportReport report = tally.report();
        if (report.inserted() >= ANALYZE_AFTER_INSERTED) {
            SerialStatistics.refresh(dataSource);
        }
        return report;
    }
}
