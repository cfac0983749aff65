package io.linehub.masterdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/** Batched, portable writes of one import chunk to product, serial and serial_history. */
final class SerialWrites {

    private SerialWrites() {
    }

    static void insertProducts(Connection connection, Map<String, String> products) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO product (gtin, name) VALUES (?, ?)")) {
            for (Map.Entry<String, String> product : products.entrySet()) {
                insert.setString(1, product.getKey());
                setText(insert, 2, product.getValue());
                insert.addBatch();
            }
            execute(insert, products.size());
        }
    }

    static void renameProducts(Connection connection, Map<String, String> products) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE product SET name = ?, updated_at = CURRENT_TIMESTAMP WHERE gtin = ?")) {
            for (Map.Entry<String, String> product : products.entrySet()) {
                setText(update, 1, product.getValue());
                update.setString(2, product.getKey());
                update.addBatch();
            }
            execute(update, products.size());
        }
    }

    static void insertSerials(Connection connection, List<SerialState> serials) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO serial"
                + " (lot, expiry, status, status_reason, gtin, serial) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (SerialState serial : serials) {
                bindState(insert, serial);
                insert.addBatch();
            }
            execute(insert, serials.size());
        }
    }

    static void updateSerials(Connection connection, List<SerialState> serials) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE serial SET lot = ?, expiry = ?,"
                + " status = ?, status_reason = ?, updated_at = CURRENT_TIMESTAMP WHERE gtin = ? AND serial = ?")) {
            for (SerialState serial : serials) {
                bindState(update, serial);
                update.addBatch();
            }
            execute(update, serials.size());
        }
    }

    static void appendHistory(Connection connection, List<PendingHistory> changes, String source) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO serial_history"
                + " (gtin, serial, from_status, to_status, reason, source) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (PendingHistory change : changes) {
                insert.setString(1, change.key().gtin());
                insert.setString(2, change.key().serial());
                setText(insert, 3, change.from() == null ? null : change.from().wire());
                insert.setString(4, change.to().wire());
                setText(insert, 5, change.reason());
                insert.setString(6, source);
                insert.addBatch();
            }
            execute(insert, changes.size());
        }
    }

    /** Same parameter order for INSERT and UPDATE so one binding serves both. */
    private static void bindState(PreparedStatement statement, SerialState serial) throws SQLException {
        setText(statement, 1, serial.lot());
        if (serial.expiry() == null) {
            statement.setNull(2, Types.DATE);
        } else {
            statement.setObject(2, serial.expiry());
        }
        statement.setString(3, serial.status().wire());
        setText(statement, 4, serial.statusReason());
        statement.setString(5, serial.key().gtin());
        statement.setString(6, serial.key().serial());
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void execute(PreparedStatement statement, int batched) throws SQLException {
        if (batched > 0) {
            statement.executeBatch();
        }
    }
}
