package io.linehub.sim;

import io.linehub.masterdata.SerialStatistics;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the {@link DemoCatalog} into an empty master-data database, so demo mode starts with known serials. */
public final class DemoSeeder {

    /** Rows per transaction; a multiple of the rows per INSERT so every batch ends on a whole statement. */
    public static final int BATCH_SIZE = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String INSERT_PRODUCT =
            "INSERT INTO product (gtin, name, company_prefix_length) VALUES (?, ?, ?)";
    /** Rows per multi-row INSERT: fewer statements to execute, roughly a third faster on H2. */
    private static final int ROWS_PER_INSERT = 50;
    private static final String INSERT_SERIALS = "INSERT INTO serial (gtin, serial, lot, expiry, status) VALUES ";

    private DemoSeeder() {
    }

    /**
     * Seeds the catalog's products and its first {@code serials} serials (status commissioned) when the product
     * table is empty, one transaction per {@value #BATCH_SIZE} rows.
     *
     * <p>Not atomic as a whole: a seed interrupted half way leaves products and some serials, and a later call
     * sees a non-empty product table and does nothing. Demo databases are disposable, so that is acceptable.
     *
     * @return true if it seeded, false if the database already had products
     */
    public static boolean seedIfEmpty(DataSource dataSource, int serials) {
        if (serials < 0) {
            throw new IllegalArgumentException("serials must not be negative: " + serials);
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (hasProducts(connection)) {
                LOG.debug("Master data already present, demo seed skipped");
                return false;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                insertProducts(connection);
                insertSerials(connection, serials);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            SerialStatistics.refresh(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("demo seed failed", e);
        }
        LOG.info("Seeded {} demo products and {} serials in {} ms", DemoCatalog.PRODUCTS.size(), serials,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static boolean hasProducts(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM product");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    private static void insertProducts(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PRODUCT)) {
            for (DemoCatalog.Product product : DemoCatalog.PRODUCTS) {
                insert.setString(1, product.gtin());
                insert.setString(2, product.name());
                insert.setInt(3, product.companyPrefixLength());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    private static void insertSerials(Connection connection, int serials) throws SQLException {
        int whole = serials / ROWS_PER_INSERT * ROWS_PER_INSERT;
        try (PreparedStatement insert = connection.prepareStatement(insertSql(ROWS_PER_INSERT))) {
            for (int first = 0; first < whole; first += ROWS_PER_INSERT) {
                bind(insert, first, ROWS_PER_INSERT);
                insert.addBatch();
                int done = first + ROWS_PER_INSERT;
                if (done % BATCH_SIZE == 0 || done == whole) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        if (whole < serials) {
            try (PreparedStatement rest = connection.prepareStatement(insertSql(serials - whole))) {
                bind(rest, whole, serials - whole);
                rest.executeUpdate();
                connection.commit();
            }
        }
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(INSERT_SERIALS);
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement insert, int first, int rows) throws SQLException {
        for (int row = 0, p = 1; row < rows; row++) {
            DemoCatalog.Item item = DemoCatalog.item(first + row);
            insert.setString(p++, item.gtin());
            insert.setString(p++, item.serial());
            insert.setString(p++, item.lot());
            insert.setDate(p++, Date.valueOf(item.expiry()));
            insert.setString(p++, DemoCatalog.STATUS);
        }
    }
}
