package io.linehub.print;

import io.linehub.db.GroupedWrites;
import io.linehub.masterdata.SerialPool;
import io.linehub.masterdata.SerialQuery;
import io.linehub.scan.Device;
import io.linehub.scan.DeviceRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Accepts a print job: checks the printer and the template, takes a serial from the pool when the job
 * names none, renders once to prove the fields print, and stores the job before answering. Jobs arriving
 * together are stored in one transaction (see {@link GroupedWrites}).
 */
public final class PrintJobIntake implements AutoCloseable {

    /** Jobs of concurrent requests stored in one transaction at most. */
    private static final int JOBS_PER_COMMIT = 64;

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final DataSource dataSource;
    private final PrintJobStore store;
    private final SerialPool pool;
    private final LabelRenderer renderer;
    private final DeviceRegistry devices;
    private final SerialQuery serials;
    private final GroupedWrites<Draft, PrintJob> writes;

    public PrintJobIntake(DataSource dataSource, PrintJobStore store, SerialPool pool, LabelRenderer renderer,
                          DeviceRegistry devices, SerialQuery serials) {
        this.dataSource = dataSource;
        this.store = store;
        this.pool = pool;
        this.renderer = renderer;
        this.devices = devices;
        this.serials = serials;
        this.writes = new GroupedWrites<>("linehub-print-job-writer", dataSource, this::write, JOBS_PER_COMMIT,
                Duration.ofSeconds(30));
    }

    /** @throws PrintJobRejectedException with the reason when the job cannot be printed as sent */
    public PrintJob accept(PrintJobRequest request) throws SQLException {
        Device printer = devices.byId(String.valueOf(request.printer())).filter(Device::isPrinter)
                .orElseThrow(() -> new PrintJobRejectedException("unknown printer " + request.printer()));
        if (request.clientJobId() != null) {
            Optional<PrintJob> known = find(request.clientJobId());
            if (known.isPresent()) {
                return known.get();
            }
        }
        String template = request.template() != null ? request.template() : printer.template();
        if (template == null) {
            throw new PrintJobRejectedException("no template named by the job or the printer " + printer.id());
        }
        int copies = request.copies() <= 0 ? 1 : request.copies();
        return writes.write(new Draft(UUID.randomUUID().toString(), request, printer, template, copies));
    }

    /** A job checked against devices and templates, waiting for its serial and its row. */
    private record Draft(String id, PrintJobRequest request, Device printer, String template, int copies) {
    }

    /**
     * In the shared transaction of concurrent jobs: the serial's reservation and the job's row commit together,
     * and a job refused after its serial was reserved (a field that does not print) leaves the serial in the pool.
     */
    private PrintJob write(Connection c, Draft d) throws SQLException {
        Map<String, String> fields = new HashMap<>(d.request().fields());
        if (fields.get("serial") == null && fields.get("gtin") != null && !fields.containsKey("sscc")) {
            String serial = pool.allocate(c, fields.get("gtin"), d.id()).orElseThrow(() ->
                    new PrintJobRejectedException("no unused serial of " + fields.get("gtin") + " left in the pool"));
            fields.put("serial", serial);
            // what master data knows of the serial fills what the job left out, so a job may name just the GTIN
            serials.findIn(c, fields.get("gtin"), serial).ifPresent(record -> {
                putIfAbsent(fields, "lot", record.lot());
                putIfAbsent(fields, "expiry", record.expiry() == null ? null : record.expiry().format(YYMMDD));
                putIfAbsent(fields, "product", record.product() == null ? null : record.product().name());
            });
        }
        try {
            renderer.render(d.template(), fields, d.copies());
        } catch (LabelDataException e) {
            throw new PrintJobRejectedException("field " + e.field() + ": " + e.getMessage());
        }
        PrintJob job = new PrintJob(d.id(), d.request().clientJobId(), d.printer().id(), d.printer().line(),
                d.template(), d.copies(), fields, fields.get("gtin"), fields.get("serial"), PrintJob.QUEUED, null,
                null, null);
        store.insert(c, job);
        return job;
    }

    /** Stops the writer once the jobs waiting for it are stored. */
    @Override
    public void close() throws InterruptedException {
        writes.close();
    }

    private static void putIfAbsent(Map<String, String> fields, String key, String value) {
        if (value != null && fields.get(key) == null) {
            fields.put(key, value);
        }
    }

    private Optional<PrintJob> find(String clientJobId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return store.find(c, clientJobId);
        }
    }
}
