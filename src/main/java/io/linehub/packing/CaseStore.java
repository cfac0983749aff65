package io.linehub.packing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The SQL of packing, on the caller's connection (and so in its transaction). */
final class CaseStore {

    private CaseStore() {
    }

    static UnitRecord find(Connection c, String gtin, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.lot, s.expiry, s.status, s.parent_sscc,"
                + " s.last_accepted_at, p.name FROM serial s JOIN product p ON p.gtin = s.gtin"
                + " WHERE s.gtin = ? AND s.serial = ?")) {
            ps.setString(1, gtin);
            ps.setString(2, serial);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                java.sql.Date expiry = rs.getDate(2);
                Timestamp accepted = rs.getTimestamp(5);
                LocalDate expiryDate = expiry == null ? null : expiry.toLocalDate();
                return new UnitRecord(gtin, serial, rs.getString(1), expiryDate, rs.getString(3), rs.getString(4),
                        accepted == null ? null : accepted.toInstant(), rs.getString(6));
            }
        }
    }

    /** Records the case the first time it is packed; later reads of it add units to the same row. */
    static void ensureCase(Connection c, String sscc, CaseItem label, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE shipping_case SET updated_at = ? WHERE sscc = ?")) {
            ps.setObject(1, utc(now));
            ps.setString(2, sscc);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shipping_case (sscc, line, station, device,"
                + " packed_at, updated_at) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, sscc);
            ps.setString(2, label.line());
            ps.setString(3, label.station());
            ps.setString(4, label.device());
            ps.setObject(5, utc(now));
            ps.setObject(6, utc(now));
            ps.executeUpdate();
        }
    }

    /**
     * Packs the unit only if it is still as read (same status, still without a case): a concurrent
     * packing of the same unit elsewhere makes this one a conflict instead of a silent re-pack.
     */
    static boolean pack(Connection c, UnitRecord unit, String sscc, String newStatus, CaseItem read, String eventId,
                        Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE serial SET status = ?, parent_sscc = ?,"
                + " last_accepted_at = ?, last_accepted_station = ?, updated_at = ? WHERE gtin = ? AND serial = ?"
                + " AND status = ? AND parent_sscc IS NULL")) {
            ps.setString(1, newStatus);
            ps.setString(2, sscc);
            ps.setObject(3, utc(now));
            ps.setString(4, read.station());
            ps.setObject(5, utc(now));
            ps.setString(6, unit.gtin());
            ps.setString(7, unit.serial());
            ps.setString(8, unit.status());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO serial_history (gtin, serial, from_status,"
                + " to_status, reason, source, station, device, event_id, changed_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, unit.gtin());
            ps.setString(2, unit.serial());
            ps.setString(3, unit.status());
            ps.setString(4, newStatus);
            ps.setString(5, "packed into case " + sscc);
            ps.setString(6, "aggregation");
            ps.setString(7, read.station());
            ps.setString(8, read.device());
            ps.setString(9, eventId);
            ps.setObject(10, utc(now));
            ps.executeUpdate();
        }
        return true;
    }


    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
