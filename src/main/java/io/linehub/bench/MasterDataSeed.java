package io.linehub.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.linehub.masterdata.SchemaMigrator;
import io.linehub.masterdata.SerialStatistics;
import io.linehub.sim.DemoCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the hub's schema and the {@link DemoCatalog}'s products and first N serials with one bulk
 * INSERT ... SELECT (H2 SYSTEM_RANGE, PostgreSQL generate_series): a million rows in seconds, before the
 * hub starts, so seeding costs the hub neither time nor memory.
 */
final class MasterDataSeed {

    private static final String H2_SERIALS = """
            INSERT INTO serial (gtin, serial, lot, expiry, status)
            SELECT CASE MOD(X, 3) WHEN 0 THEN '%s' WHEN 1 THEN '%s' ELSE '%s' END,
                   'SN' || LPAD(CAST(X AS VARCHAR), 8, '0'), 'L' || CAST(2600 + X / %d AS VARCHAR),
                   DATEADD(DAY, -1, DATEADD(MONTH, X / %d + 1, DATE '2028-01-01')), '%s'
            FROM SYSTEM_RANGE(0, %d)""";
    private static final String PG_SERIALS = """
            INSERT INTO serial (gtin, serial, lot, expiry, status)
            SELECT CASE i %% 3 WHEN 0 THEN '%s' WHEN 1 THEN '%s' ELSE '%s' END,
                   'SN' || lpad(i::text, 8, '0'), 'L' || (2600 + i / %d),
                   (DATE '2028-01-01' + make_interval(months => (i / %d + 1)::int) - INTERVAL '1 day')::date, '%s'
            FROM generate_series(0, %d) AS i""";

    private MasterDataSeed() {
    }

    /** Migrates the schema at {@code url} and seeds {@code serials} catalog serials (status commissioned). */
    static void seed(String url, String user, String password, int serials) throws SQLException {
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
            ds.setMaximumPoolSize(2);
            SchemaMigrator.migrate(ds);
            try (Connection c = ds.getConnection()) {
                insertProducts(c);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(serialsSql(url.startsWith("jdbc:postgresql") ? PG_SERIALS : H2_SERIALS, serials));
                }
                // as the importer does after a bulk load (a hub started before autovacuum would plan blind)
                SerialStatistics.refresh(c);
            }
        }
    }

    static String serialsSql(String template, int serials) {
        var p = DemoCatalog.PRODUCTS;
        return template.formatted(p.get(0).gtin(), p.get(1).gtin(), p.get(2).gtin(), DemoCatalog.LOT_SIZE,
                DemoCatalog.LOT_SIZE, DemoCatalog.STATUS, serials - 1);
    }

    private static void insertProducts(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO product (gtin, name, company_prefix_length) VALUES (?, ?, ?)")) {
            for (DemoCatalog.Product product : DemoCatalog.PRODUCTS) {
                insert.setString(1, product.gtin());
                insert.setString(2, product.name());
                insert.setInt(3, product.companyPrefixLength());
                insert.executeUpdate();
            }
        }
    }
}
