package io.linehub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class DemoSeederTest {

    @Test
    void seeds100000SerialsIntoAnEmptyDatabaseOnceAndIsANoOpTheSecondTime() throws SQLException {
        // A pool, as the hub uses: H2 2.4.240 breaks IN-list CHECK constraints once the connection that created
        // them is closed (h2database issues 4292, 4308), and a pool keeps Flyway's connection open.
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:mem:seeder;DB_CLOSE_DELAY=-1");
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            seedTwice(dataSource);
        }
    }

    @Test
    void seedsACountThatIsNotAMultipleOfTheInsertSize() throws SQLException {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:mem:seeder-odd;DB_CLOSE_DELAY=-1");
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            assertTrue(DemoSeeder.seedIfEmpty(dataSource, 5_123), "seeded");

            assertEquals(5_123, count(dataSource, "SELECT COUNT(*) FROM serial"), "every requested serial, no more");
            assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM serial WHERE serial = 'SN00005122'"),
                    "the last serial is there");
        }
    }

    private static void seedTwice(DataSource dataSource) throws SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        long started = System.nanoTime();
        boolean seeded = DemoSeeder.seedIfEmpty(dataSource, DemoCatalog.SERIALS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("DemoSeeder seeded " + DemoCatalog.SERIALS + " serials into H2 in " + millis + " ms");

        assertTrue(seeded, "an empty database is seeded");
        assertTrue(millis < 30_000, "seeding 100,000 serials is fast: " + millis + " ms");
        assertEquals(3, count(dataSource, "SELECT COUNT(*) FROM product"), "three products");
        assertEquals(DemoCatalog.SERIALS, count(dataSource, "SELECT COUNT(*) FROM serial"), "all serials");
        assertEquals(DemoCatalog.SERIALS, count(dataSource, "SELECT COUNT(*) FROM serial WHERE status = 'commissioned'"),
                "every serial commissioned");
        try (Connection connection = dataSource.getConnection();
             Statement query = connection.createStatement();
             ResultSet row = query.executeQuery(
                     "SELECT gtin, lot, expiry FROM serial WHERE serial = 'SN00012345'")) {
            assertTrue(row.next(), "serial 12345 present");
            DemoCatalog.Item item = DemoCatalog.item(12_345);
            assertEquals(item.gtin(), row.getString(1), "gtin as in the catalog");
            assertEquals(item.lot(), row.getString(2), "lot as in the catalog");
            assertEquals(item.expiry(), row.getObject(3, LocalDate.class), "expiry as in the catalog");
        }

        assertFalse(DemoSeeder.seedIfEmpty(dataSource, DemoCatalog.SERIALS), "a seeded database is left alone");
        assertEquals(DemoCatalog.SERIALS, count(dataSource, "SELECT COUNT(*) FROM serial"), "no extra rows");
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
