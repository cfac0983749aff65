package io.linehub.print;

import io.linehub.db.Transaction;
import io.linehub.relay.EventRecorder;
import io.linehub.relay.HubEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Print-and-verify: a label printed longer ago than the timeout whose serial is still only "printed"
 * (no verification scan commissioned it) is flagged once with print.failed, so the line can pull the unit.
 */
public final class PrintVerifyWatch {

    private record Unverified(String id, String printer, String line, String gtin, String serial) {
    }

    private final DataSource dataSource;
    private final EventRecorder events;
    private final Duration timeout;

    /** @param timeout zero switches the check off */
    public PrintVerifyWatch(DataSource dataSource, EventRecorder events, Duration timeout) {
        this.dataSource = dataSource;
        this.events = events;
        this.timeout = timeout;
    }

    /** @return how many labels were flagged */
    public int check() throws SQLException {
        if (timeout.isZero()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Transaction.run(dataSource, c -> {
            List<Unverified> late = late(c, now.minus(timeout));
            for (Unverified u : late) {
                flag(c, u, now, "NOT_VERIFIED", "label of job " + u.id() + " not read back by the verification"
                        + " scanner within " + timeout.toSeconds() + " s");
            }
            return late.size();
        });
    }

    /**
     * A verification scan rejected for its data (a lot or expiry that is not what was printed, or a
     * serial in the wrong status) flags the printed job of that serial, if there is one.
     */
    public void flagMisreads(List<HubEvent> scanEvents) throws SQLException {
        for (HubEvent e : scanEvents) {
            if (!"scan.rejected".equals(e.type()) || e.gtin() == null || e.serial() == null) {
                continue;
            }
            Transaction.run(dataSource, c -> {
                Optional<Unverified> job = printedJob(c, e.gtin(), e.serial());
                if (job.isPresent()) {
                    flag(c, job.get(), OffsetDateTime.now(ZoneOffset.UTC), "VERIFY_MISMATCH",
                            "label of job " + job.get().id() + " read back wrong: " + e.reason() + ": " + e.detail());
                }
                return null;
            });
        }
    }

    private static Optional<Unverified> printedJob(Connection c, String gtin, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, printer, line, gtin, serial FROM print_job"
                + " WHERE gtin = ? AND serial = ? AND state = ? AND verify_flagged_at IS NULL ORDER BY seq DESC"
                + " FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, gtin);
            ps.setString(2, serial);
            ps.setString(3, PrintJob.PRINTED);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Unverified(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))) : Optional.empty();
            }
        }
    }

    private static List<Unverified> late(Connection c, OffsetDateTime printedBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.printer, j.line, j.gtin, j.serial"
                + " FROM print_job j JOIN serial s ON s.gtin = j.gtin AND s.serial = j.serial"
                + " WHERE j.state = ? AND j.verify_flagged_at IS NULL AND j.updated_at < ? AND s.status = ?"
                + " ORDER BY j.seq FETCH FIRST 100 ROWS ONLY")) {
            ps.setString(1, PrintJob.PRINTED);
            ps.setObject(2, printedBefore);
            ps.setString(3, "printed");
            List<Unverified> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Unverified(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return out;
        }
    }

    private void flag(Connection c, Unverified u, OffsetDateTime now, String reason, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE print_job SET verify_flagged_at = ? WHERE id = ? AND verify_flagged_at IS NULL")) {
            ps.setObject(1, now);
            ps.setString(2, u.id());
            if (ps.executeUpdate() != 1) {
                return;
            }
        }
        events.enqueueIn(c, List.of(new HubEvent(UUID.randomUUID().toString(), "print.failed", now.toString(),
                u.line() == null ? "unassigned" : u.line(), u.printer(), null, u.gtin(), u.serial(), null, null, null,
                null, null, "printed", reason, detail, null)));
    }
}
