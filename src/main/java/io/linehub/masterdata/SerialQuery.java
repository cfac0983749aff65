package io.linehub.masterdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Answers one serial's record, product and history for the serial lookup API. */
public final class SerialQuery {

    private static final String SERIAL_SQL = "SELECT s.lot, s.expiry, s.status, s.status_reason,"
            + " s.last_accepted_at, s.created_at, s.updated_at, p.name, p.company_prefix_length,"
            + " s.parent_sscc"
            + " FROM serial s JOIN product p ON p.gtin = s.gtin WHERE s.gtin = ? AND s.serial = ?";
    private static final String HISTORY_SQL = "SELECT from_status, to_status, reason, source, station, device,"
            + " event_id, changed_at FROM serial_history WHERE gtin = ? AND serial = ? ORDER BY id";

    private final DataSource dataSource;

    public SerialQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Finds a serial; a GTIN-8/12/13 is left-padded to the stored 14 digits, and text that cannot be a
     * GTIN finds nothing.
     *
     * @throws MasterDataException on a database failure
     */
    public Optional<SerialRecord> find(String gtin, String serial) {
        Optional<String> gtin14 = Gtin.normalize(gtin);
        if (gtin14.isEmpty() || serial == null) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, gtin14.get(), serial, true);
        } catch (SQLException e) {
            throw new MasterDataException("serial lookup failed: " + e.getMessage(), e);
        }
    }

    /**
     * The serial's record without its status history, on the caller's connection: inside a transaction that
     * holds one no second connection is taken from the pool (a print job's label fields need no history).
     */
    public Optional<SerialRecord> findIn(Connection connection, String gtin, String serial) throws SQLException {
        Optional<String> gtin14 = Gtin.normalize(gtin);
        return gtin14.isEmpty() || serial == null ? Optional.empty()
                : find(connection, gtin14.get(), serial, false);
    }

    private static Optional<SerialRecord> find(Connection connection, String gtin, String serial, boolean withHistory)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SERIAL_SQL)) {
            select.setString(1, gtin);
            select.setString(2, serial);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Integer prefixLength = row.getObject(9, Integer.class);
                ProductRecord product = new ProductRecord(gtin, row.getString(8), prefixLength);
                return Optional.of(new SerialRecord(gtin, serial, row.getString(1), row.getObject(2, LocalDate.class),
                        SerialStatus.fromColumn(row.getString(3)), row.getString(4), instant(row, 5),
                        instant(row, 6), instant(row, 7), product, row.getString(10),
                        withHistory ? history(connection, gtin, serial) : List.of()));
            }
        }
    }

    private static List<StatusChange> history(Connection connection, String gtin, String serial) throws SQLException {
        List<StatusChange> history = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(HISTORY_SQL)) {
            select.setString(1, gtin);
            select.setString(2, serial);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    history.add(new StatusChange(SerialStatus.fromColumn(row.getString(1)),
                            SerialStatus.fromColumn(row.getString(2)), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), instant(row, 8)));
                }
            }
        }
        return history;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
