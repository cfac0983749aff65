package io.linehub.masterdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Hands out unused serials of a GTIN to print jobs. A reservation is one conditional UPDATE
 * ({@code print_job_id IS NULL}), so it is atomic in the database: two threads or two hub instances
 * never get the same serial, on H2 as on PostgreSQL, without locks held between statements.
 */
public final class SerialPool {

    /** Candidates read per attempt; contenders start at random places among them to collide less. */
    private static final int CANDIDATES = 64;
    private static final int MAX_ATTEMPTS = 50;

    private final DataSource dataSource;
    /** Unused serials read but not handed out yet, per GTIN. */
    private final Map<String, Deque<String>> cached = new HashMap<>();

    public SerialPool(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the reserved serial, or empty when the GTIN has no provisioned, unreserved serial left */
    public Optional<String> allocate(String gtin, String jobId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return allocate(c, gtin, jobId);
        } catch (SQLException e) {
            throw new MasterDataException("serial allocation for " + gtin + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The reservation in the caller's transaction, so it commits (or rolls back) together with the job that
     * holds it. Candidates are read 64 at a time and handed out in order, each once, so allocations in a row
     * cost one UPDATE each instead of a range read and an UPDATE. A candidate taken meanwhile (another hub, a
     * scan that commissioned it, another open transaction that reserved it) fails its conditional UPDATE and the
     * next one is tried: the cache can be stale, never wrong.
     */
    public Optional<String> allocate(Connection c, String gtin, String jobId) {
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS * CANDIDATES; attempt++) {
                Optional<String> serial = nextCandidate(c, gtin);
                if (serial.isEmpty()) {
                    return Optional.empty();
                }
                if (reserve(c, gtin, serial.get(), jobId)) {
                    return serial;
                }
            }
            throw new MasterDataException("no serial of " + gtin + " could be reserved after "
                    + MAX_ATTEMPTS * CANDIDATES + " attempts: too much contention", null);
        } catch (SQLException e) {
            throw new MasterDataException("serial allocation for " + gtin + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<String> nextCandidate(Connection c, String gtin) throws SQLException {
        synchronized (cached) {
            Deque<String> queue = cached.computeIfAbsent(gtin, g -> new ArrayDeque<>());
            if (queue.isEmpty()) {
                List<String> read = candidates(c, gtin);
                // contenders (threads, hubs) reading at the same moment start at different places to collide less
                int start = read.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(read.size());
                for (int i = 0; i < read.size(); i++) {
                    queue.add(read.get((start + i) % read.size()));
                }
            }
            return Optional.ofNullable(queue.poll());
        }
    }

    private static List<String> candidates(Connection c, String gtin) throws SQLException {
        // ordered by every column of the serial_pool index, not just serial: only then does H2 read the first
        // rows of the index range instead of every free serial of the GTIN and sorting them (64 rows read
        // instead of 21,000 with 100,000 serials; PostgreSQL walks the index either way)
        try (PreparedStatement ps = c.prepareStatement("SELECT serial FROM serial WHERE gtin = ? AND status = ?"
                + " AND print_job_id IS NULL ORDER BY status, gtin, print_job_id, serial FETCH FIRST " + CANDIDATES
                + " ROWS ONLY")) {
            ps.setString(1, gtin);
            ps.setString(2, SerialStatus.PROVISIONED.wire());
            List<String> out = new ArrayList<>(CANDIDATES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static boolean reserve(Connection c, String gtin, String serial, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE serial SET print_job_id = ?, updated_at = ?"
                + " WHERE gtin = ? AND serial = ? AND status = ? AND print_job_id IS NULL")) {
            ps.setString(1, jobId);
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(3, gtin);
            ps.setString(4, serial);
            ps.setString(5, SerialStatus.PROVISIONED.wire());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (isConcurrentUpdate(e)) {
                return false;
            }
            throw e;
        }
    }

    /** provisioned → printed for the serial reserved by a job whose label printed, in the caller's transaction. */
    public void markPrinted(Connection c, String gtin, String serial, String jobId, String printer, String eventId)
            throws SQLException {
        move(c, gtin, serial, jobId, SerialStatus.PRINTED, null, printer, eventId);
    }

    /** A serial whose label failed is taken out of use with the reason, never silently reused. */
    public void markFailed(Connection c, String gtin, String serial, String jobId, String printer, String reason,
                           String eventId) throws SQLException {
        move(c, gtin, serial, jobId, SerialStatus.DECOMMISSIONED, reason, printer, eventId);
    }

    private static void move(Connection c, String gtin, String serial, String jobId, SerialStatus to, String reason,
                             String printer, String eventId) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("UPDATE serial SET status = ?, status_reason = ?,"
                + " updated_at = ? WHERE gtin = ? AND serial = ? AND status = ? AND print_job_id = ?")) {
            ps.setString(1, to.wire());
            ps.setString(2, reason);
            ps.setObject(3, now);
            ps.setString(4, gtin);
            ps.setString(5, serial);
            ps.setString(6, SerialStatus.PROVISIONED.wire());
            ps.setString(7, jobId);
            if (ps.executeUpdate() != 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO serial_history (gtin, serial, from_status,"
                + " to_status, reason, source, device, event_id, changed_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, gtin);
            ps.setString(2, serial);
            ps.setString(3, SerialStatus.PROVISIONED.wire());
            ps.setString(4, to.wire());
            ps.setString(5, reason == null ? "label printed" : reason);
            ps.setString(6, "print");
            ps.setString(7, printer);
            ps.setString(8, eventId);
            ps.setObject(9, now);
            ps.executeUpdate();
        }
    }

    /** H2 reports a row another transaction changed meanwhile as an error; it is only a lost race here. */
    private static boolean isConcurrentUpdate(SQLException e) {
        return e.getErrorCode() == 90131 || "40001".equals(e.getSQLState());
    }
}
