package io.linehub.masterdata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Writes one chunk of validated rows in a single transaction: read and lock, plan, batch-write, commit. */
final class SerialUpsert {

    static final String SOURCE = "import";

    private final DataSource dataSource;

    SerialUpsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Throws on any database failure with the chunk rolled back; earlier chunks stay committed. */
    UpsertCounts apply(List<SerialRow> rows) {
        if (rows.isEmpty()) {
            return new UpsertCounts(0, 0, 0);
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                UpsertCounts counts = write(connection, rows);
                connection.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                restore(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw new MasterDataException("serial import failed, chunk rolled back: " + e.getMessage(), e);
        }
    }

    /** A failing rollback must not hide the failure that caused it. */
    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // the connection is broken; closing it (or the pool evicting it) is all that is left to do
        }
    }

    private static UpsertCounts write(Connection connection, List<SerialRow> rows) throws SQLException {
        Set<String> gtins = new LinkedHashSet<>();
        Set<SerialKey> keys = new LinkedHashSet<>();
        for (SerialRow row : rows) {
            gtins.add(row.gtin());
            keys.add(row.key());
        }
        ChunkPlan plan = new ChunkPlan(SerialReads.products(connection, gtins), SerialReads.serials(connection, keys));
        rows.forEach(plan::apply);

        // products first: serial.gtin references product
        SerialWrites.insertProducts(connection, plan.productInserts());
        SerialWrites.renameProducts(connection, plan.productRenames());
        SerialWrites.insertSerials(connection, plan.serialInserts());
        SerialWrites.updateSerials(connection, plan.serialUpdates());
        SerialWrites.appendHistory(connection, plan.history(), SOURCE);
        return plan.counts();
    }
}
