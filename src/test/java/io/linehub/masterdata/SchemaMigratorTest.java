package io.linehub.masterdata;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The migrations leave an H2 database whose status rule works from any connection, and can run again. */
class SchemaMigratorTest {

    @Test
    void should_enforce_the_status_rule_after_the_migrating_connection_closed() throws SQLException {
        DataSource dataSource = SerialImporterTest.h2();
        SchemaMigrator.migrate(dataSource);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO product (gtin) VALUES ('09506000134352')");
            assertDoesNotThrow(() -> statement.executeUpdate("INSERT INTO serial (gtin, serial, status)"
                    + " VALUES ('09506000134352', 'A', 'shipped')"), "a known status is accepted (H2 2.4.240 IN-check bug)");
            SQLException rejected = assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO serial"
                    + " (gtin, serial, status) VALUES ('09506000134352', 'B', 'sold')"), "an unknown status is rejected");
            assertEquals("23513", rejected.getSQLState(),
                    "a check violation, not H2's 'check constraint invalid' (23514): " + rejected.getMessage());
        }
    }

    @Test
    void should_do_nothing_when_run_again() {
        DataSource dataSource = SerialImporterTest.h2();
        SchemaMigrator.migrate(dataSource);

        assertDoesNotThrow(() -> SchemaMigrator.migrate(dataSource), "a second start migrates nothing and fails nothing");
    }
}
