package io.linehub.print;

import io.linehub.db.Transaction;
import io.linehub.masterdata.SerialPool;
import io.linehub.relay.EventRecorder;
import io.linehub.relay.HubEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Where each print job stands, changed one transaction at a time: the job's state, its serial's status
 * (printed, or decommissioned with the reason) and its print.completed / print.failed event.
 */
public final class PrintLedger {

    private final DataSource dataSource;
    private final PrintJobStore store;
    private final SerialPool pool;
    private final EventRecorder events;

    public PrintLedger(DataSource dataSource, PrintJobStore store, SerialPool pool, EventRecorder events) {
        this.dataSource = dataSource;
        this.store = store;
        this.pool = pool;
        this.events = events;
    }

    public Optional<PrintJob> find(String idOrClientId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return store.find(c, idOrClientId);
        }
    }

    public Optional<PrintJob> head(String printer, String state) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return store.oldest(c, printer, state);
        }
    }

    /** Jobs of a printer not yet printed or failed. */
    public long depth(String printer) throws SQLException {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM print_job WHERE printer = ?"
                     + " AND state IN (?, ?, ?)")) {
            ps.setString(1, printer);
            ps.setString(2, PrintJob.QUEUED);
            ps.setString(3, PrintJob.SENDING);
            ps.setString(4, PrintJob.SENT);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** After a restart: a job caught while its bytes were being written is failed, never resent blindly. */
    public int failInterrupted(String printer) throws SQLException {
        int n = 0;
        for (Optional<PrintJob> job = head(printer, PrintJob.SENDING); job.isPresent();
             job = head(printer, PrintJob.SENDING)) {
            failed(job.get(), PrintJob.SENDING, "hub stopped while sending; check the label before reprinting");
            n++;
        }
        return n;
    }

    public void failed(PrintJob job, String from, String reason) throws SQLException {
        failAll(List.of(job), from, reason);
    }

    /** A printer's oldest jobs in a state, at most {@code limit}, oldest first. */
    public List<PrintJob> heads(String printer, String state, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return store.oldest(c, printer, state, limit);
        }
    }

    /**
     * One transaction for one turn of a printer's queue: the jobs whose labels left the printer become printed
     * (stored as sent, or written in the turn before and still stored as sending), and the next jobs are taken
     * for sending.
     *
     * @return the jobs of {@code take} that moved to sending (another worker may have moved one first)
     */
    public List<PrintJob> advance(List<PrintJob> printedSent, List<PrintJob> printedWritten, List<PrintJob> take)
            throws SQLException {
        return Transaction.run(dataSource, c -> {
            for (PrintJob job : printedSent) {
                finishIn(c, job, PrintJob.SENT, PrintJob.PRINTED, null);
            }
            for (PrintJob job : printedWritten) {
                finishIn(c, job, PrintJob.SENDING, PrintJob.PRINTED, null);
            }
            List<PrintJob> taken = new ArrayList<>(take.size());
            for (PrintJob job : take) {
                if (store.transition(c, job.id(), PrintJob.QUEUED, PrintJob.SENDING, null)) {
                    taken.add(job);
                }
            }
            return taken;
        });
    }

    /** Moves jobs from one state to another in one transaction. */
    public void moveAll(List<PrintJob> jobs, String from, String to) throws SQLException {
        Transaction.run(dataSource, c -> {
            for (PrintJob job : jobs) {
                store.transition(c, job.id(), from, to, null);
            }
            return null;
        });
    }

    /** Fails jobs with one reason in one transaction (their serials decommissioned, a print.failed event each). */
    public void failAll(List<PrintJob> jobs, String from, String reason) throws SQLException {
        Transaction.run(dataSource, c -> {
            for (PrintJob job : jobs) {
                finishIn(c, job, from, PrintJob.FAILED, reason);
            }
            return null;
        });
    }

    private void finishIn(Connection c, PrintJob job, String from, String to, String reason) throws SQLException {
        if (!store.transition(c, job.id(), from, to, reason)) {
            return;
        }
        HubEvent event = event(job, to, reason);
        if (job.serial() != null && job.gtin() != null) {
            if (PrintJob.PRINTED.equals(to)) {
                pool.markPrinted(c, job.gtin(), job.serial(), job.id(), job.printer(), event.eventId());
            } else {
                pool.markFailed(c, job.gtin(), job.serial(), job.id(), job.printer(),
                        "label failed: " + reason, event.eventId());
            }
        }
        events.enqueueIn(c, List.of(event));
    }

    private static HubEvent event(PrintJob job, String state, String reason) {
        String type = PrintJob.PRINTED.equals(state) ? "print.completed" : "print.failed";
        String at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        String line = job.line() == null ? "unassigned" : job.line();
        return new HubEvent(UUID.randomUUID().toString(), type, at, line, job.printer(), null, job.gtin(),
                job.serial(), job.fields().get("lot"), null, job.fields().get("sscc"), null, null,
                PrintJob.PRINTED.equals(state) ? "printed" : null, reason == null ? null : "PRINT_FAILED",
                reason == null ? "job " + job.id() : "job " + job.id() + ": " + reason, null);
    }
}
