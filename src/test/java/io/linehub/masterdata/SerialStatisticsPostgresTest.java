package io.linehub.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A bulk import into the local PostgreSQL leaves the serial table analyzed, so the scan pipeline's prepared
 * acceptance UPDATE finds its serial by the primary key (without statistics its generic plan walked the
 * serial-pool index: 7 ms per scan on 200,000 serials).
 */
class SerialStatisticsPostgresTest {

    private static final String GTIN = "09506000134352";
    private static final String ACCEPT = "UPDATE serial SET status = $1, last_accepted_at = $2,"
            + " last_accepted_station = $3, updated_at = $4 WHERE gtin = $5 AND serial = $6 AND status = $7"
            + " AND last_accepted_at IS NULL";

    @Test
    void should_analyze_the_serial_table_after_a_bulk_import_and_plan_the_acceptance_by_primary_key() throws Exception {
        try (PostgresTestSchema db = new PostgresTestSchema(2)) {
            SchemaMigrator.migrate(db.dataSource());
            String csv = "gtin,serial,status\n" + IntStream.range(0, SerialImporter.ANALYZE_AFTER_INSERTED)
                    .mapToObj(i -> GTIN + ",SN" + i + ",commissioned").collect(Collectors.joining("\n")) + "\n";

            ImportReport report = new SerialImporter(db.dataSource()).importCsv(new java.io.StringReader(csv));

            assertEquals(SerialImporter.ANALYZE_AFTER_INSERTED, report.inserted(), "every row imported");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT last_analyze, n_live_tup FROM pg_stat_user_tables"
                        + " WHERE relname = 'serial' AND schemaname = current_schema()")) {
                    assertTrue(rs.next(), "the table's statistics row");
                    assertNotNull(rs.getObject(1), "ANALYZE ran after the import");
                }
                s.execute("PREPARE accept(varchar, timestamptz, varchar, timestamptz, varchar, varchar, varchar) AS "
                        + ACCEPT);
                s.execute("SET plan_cache_mode = force_generic_plan");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE accept('commissioned', now(), 'verify', now(), '"
                        + GTIN + "', 'SN7', 'commissioned')")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("serial_pkey"), "the generic plan uses the primary key:\n" + plan);
            }
        }
    }
}
