package io.linehub.print;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Print jobs in the database: the persisted, ordered queue of each printer. */
public final class PrintJobStore {

    private static final String COLUMNS = "SELECT id, client_job_id, printer, line, template, copies, fields, gtin,"
            + " serial, state, reason, created_at, updated_at FROM print_job";

    private final ObjectMapper json;

    public PrintJobStore(ObjectMapper json) {
        this.json = json;
    }

    public void insert(Connection c, PrintJob job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO print_job (id, client_job_id, printer, line,"
                + " template, copies, fields, gtin, serial, state) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.jobId());
            ps.setString(3, job.printer());
            ps.setString(4, job.line());
            ps.setString(5, job.template());
            ps.setInt(6, job.copies());
            ps.setString(7, fieldsJson(job.fields()));
            ps.setString(8, job.gtin());
            ps.setString(9, job.serial());
            ps.setString(10, job.state());
            ps.executeUpdate();
        }
    }

    /** By the hub's id, the sender's jobId, or the serial printed (its latest job): the print ledger's keys. */
    public Optional<PrintJob> find(Connection c, String key) throws SQLException {
        Optional<PrintJob> byId = one(c, COLUMNS + " WHERE id = ?", key);
        if (byId.isPresent()) {
            return byId;
        }
        Optional<PrintJob> byClientId = one(c, COLUMNS + " WHERE client_job_id = ? ORDER BY seq", key);
        return byClientId.isPresent() ? byClientId
                : one(c, COLUMNS + " WHERE serial = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY", key);
    }

    /** The oldest job of a printer in a state: the head of its queue. */
    public Optional<PrintJob> oldest(Connection c, String printer, String state) throws SQLException {
        return oldest(c, printer, state, 1).stream().findFirst();
    }

    /** The oldest {@code limit} jobs of a printer in a state, oldest first. */
    public List<PrintJob> oldest(Connection c, String printer, String state, int limit) throws SQLException {
        // ordered by all of print_job_queue's columns: H2 then reads the first index rows instead of sorting the queue
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE printer = ? AND state = ?"
                + " ORDER BY printer, state, seq FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setString(1, printer);
            ps.setString(2, state);
            List<PrintJob> jobs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(job(rs));
                }
            }
            return jobs;
        }
    }

    /** Moves a job on only from the state the caller saw, so two hubs never both send one job. */
    public boolean transition(Connection c, String id, String from, String to, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE print_job SET state = ?, reason = ?, updated_at = ? WHERE id = ? AND state = ?")) {
            ps.setString(1, to);
            ps.setString(2, reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(4, id);
            ps.setString(5, from);
            return ps.executeUpdate() == 1;
        }
    }

    private Optional<PrintJob> one(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            return read(ps);
        }
    }

    private Optional<PrintJob> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(job(rs)) : Optional.empty();
        }
    }

    private PrintJob job(ResultSet rs) throws SQLException {
        return new PrintJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), fields(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), instant(rs.getObject(12)), instant(rs.getObject(13)));
    }

    private static Instant instant(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return v instanceof Timestamp t ? t.toInstant() : null;
    }

    private String fieldsJson(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalArgumentException("fields not serialisable: " + e.getMessage(), e);
        }
    }

    private Map<String, String> fields(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("stored fields unreadable: " + e.getMessage(), e);
        }
    }
}
