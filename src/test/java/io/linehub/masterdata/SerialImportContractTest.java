package io.linehub.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The import behaviour every supported database must show; subclasses supply H2 or PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SerialImportContractTest {

    static final String GTIN = "09506000134352";
    static final String EAN13 = "4006381333931";

    protected DataSource dataSource;
    protected SerialImporter importer;
    protected SerialQuery query;

    /** Returns a fresh, empty database (or aborts the class with an assumption). */
    protected abstract DataSource openDatabase() throws Exception;

    protected abstract void closeDatabase() throws Exception;

    @BeforeAll
    void migrate() throws Exception {
        dataSource = openDatabase();
        SchemaMigrator.migrate(dataSource);
        importer = new SerialImporter(dataSource);
        query = new SerialQuery(dataSource);
    }

    @AfterAll
    void close() throws Exception {
        if (dataSource != null) {
            closeDatabase();
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM serial_history");
            statement.executeUpdate("DELETE FROM serial");
            statement.executeUpdate("DELETE FROM product");
        }
    }

    @Test
    void should_import_all_columns_and_create_the_unknown_product() {
        ImportReport report = csv("gtin,serial,lot,expiry,status,product\n"
                + GTIN + ",SN0001,LOT-1,2027-03-31,printed,Aspirin 500 mg\n");

        assertEquals(new ImportReport(1, 0, 0, List.of()), report, "one new serial, no errors");
        SerialRecord serial = query.find(GTIN, "SN0001").orElseThrow();
        assertEquals("LOT-1", serial.lot(), "lot stored");
        assertEquals(LocalDate.of(2027, 3, 31), serial.expiry(), "expiry stored");
        assertEquals(SerialStatus.PRINTED, serial.status(), "status stored");
        assertEquals(new ProductRecord(GTIN, "Aspirin 500 mg", null), serial.product(), "unknown GTIN created its product");
        assertEquals(1, serial.history().size(), "creation is one history entry");
        StatusChange created = serial.history().get(0);
        assertNull(created.fromStatus(), "creation has no from status");
        assertEquals(SerialStatus.PRINTED, created.toStatus(), "creation goes to the imported status");
        assertEquals("import", created.source(), "history source is import");
        assertEquals("import", created.reason(), "default reason");
    }

    @Test
    void should_find_columns_by_name_in_any_order_and_case_and_ignore_unknown_ones() {
        ImportReport report = csv(" Status ,comment,SERIAL,Expiry,GTIN\nCOMMISSIONED,hello,SN1,2026-01-01," + GTIN + "\n");

        assertEquals(new ImportReport(1, 0, 0, List.of()), report, "row imported despite column order");
        SerialRecord serial = query.find(GTIN, "SN1").orElseThrow();
        assertEquals(SerialStatus.COMMISSIONED, serial.status(), "status matched case-insensitively");
        assertEquals(LocalDate.of(2026, 1, 1), serial.expiry(), "expiry found by name");
        assertNull(serial.lot(), "absent lot column stays null");
    }

    @Test
    void should_default_a_new_serial_to_provisioned_and_pad_short_gtins() {
        ImportReport report = csv("gtin,serial\n" + EAN13 + ",A1\n73513537,A2\n036000291452,A3\n");

        assertEquals(3, report.inserted(), "GTIN-13, GTIN-8 and GTIN-12 accepted: " + report);
        SerialRecord serial = query.find("0" + EAN13, "A1").orElseThrow();
        assertEquals(SerialStatus.PROVISIONED, serial.status(), "default status of a new serial");
        assertEquals("0" + EAN13, serial.gtin(), "stored as GTIN-14");
        assertTrue(query.find("000000" + "73513537", "A2").isPresent(), "GTIN-8 left-padded to 14 digits");
    }

    @Test
    void should_tolerate_a_utf8_bom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = new String(bom, StandardCharsets.UTF_8) + "gtin,serial\n" + GTIN + ",BOM1\n";

        ImportReport report = csv(text);

        assertEquals(new ImportReport(1, 0, 0, List.of()), report, "BOM does not hide the gtin column");
    }

    @Test
    void should_read_quoted_fields_and_count_physical_lines() {
        ImportReport report = csv("gtin,serial,product\r\n"
                + "\"" + GTIN + "\",\"AB,1\",\"Pills, \"\"strong\"\"\nsecond line\"\r\n"
                + GTIN + ",bad serial,x\r\n");

        assertEquals(1, report.inserted(), "quoted row imported: " + report);
        assertEquals(List.of(4), lines(report), "the bad row after a two-line record is on physical line 4");
        SerialRecord serial = query.find(GTIN, "AB,1").orElseThrow();
        assertEquals("Pills, \"strong\"\nsecond line", serial.product().name(), "quotes, comma and newline kept");
    }

    @Test
    void should_reject_a_file_without_a_serial_column_and_import_nothing() {
        ImportReport report = csv("gtin;serial\n" + GTIN + ";X1\n");

        assertEquals(1, report.errors().size(), "one file-level error: " + report);
        assertEquals(1, report.errors().get(0).line(), "reported on the header line");
        assertTrue(report.errors().get(0).reason().contains("gtin and serial"), "reason names the required columns");
        assertEquals(0, count("SELECT COUNT(*) FROM serial"), "nothing imported");
    }

    @Test
    void should_keep_good_rows_and_report_bad_ones() {
        ImportReport report = csv(String.join("\n",
                "gtin,serial,lot,expiry,status,product",
                GTIN + ",OK1,L1,2027-01-31,,",
                "09506000134353,S2,,,,",
                "09506000134,S3,,,,",
                "0950600013435X,S4,,,,",
                ",S5,,,,",
                GTIN + ",,,,,",
                GTIN + ",S23456789012345678901,,,,",
                GTIN + ",S 8,,,,",
                GTIN + ",S9,L23456789012345678901,,,",
                GTIN + ",S10,L 10,,,",
                GTIN + ",S11,,31.01.2027,,",
                GTIN + ",S12,,2027-02-30,,",
                GTIN + ",S13,,,sold,",
                GTIN + ",S14,,,," + "p".repeat(201),
                GTIN + ",S15,,,,,extra",
                "",
                GTIN + ",OK2,,,packed,") + "\n");

        assertEquals(2, report.inserted(), "the two good rows are kept: " + report);
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), lines(report), "each bad row by line");
        assertEquals(14, report.rejected(), "rejected count");
        assertReason(report, 3, "check digit");
        assertReason(report, 4, "8, 12, 13 or 14 digits");
        assertReason(report, 5, "8, 12, 13 or 14 digits");
        assertReason(report, 6, "gtin is required");
        assertReason(report, 7, "serial is required");
        assertReason(report, 8, "longer than 20");
        assertReason(report, 9, "CSET 82");
        assertReason(report, 10, "longer than 20");
        assertReason(report, 11, "CSET 82");
        assertReason(report, 12, "YYYY-MM-DD");
        assertReason(report, 13, "YYYY-MM-DD");
        assertReason(report, 14, "not one of provisioned");
        assertReason(report, 15, "longer than 200");
        assertReason(report, 16, "header has 6");
        assertEquals(SerialStatus.PACKED, query.find(GTIN, "OK2").orElseThrow().status(), "row after blank line kept");
    }

    @Test
    void should_report_an_unbalanced_quote_and_keep_the_rows_before_it() {
        ImportReport report = csv("gtin,serial\n" + GTIN + ",Q1\n" + GTIN + ",\"Q2\n" + GTIN + ",Q3\n");

        assertEquals(1, report.inserted(), "row before the broken quote kept: " + report);
        assertEquals(List.of(3), lines(report), "error where the unbalanced quote starts");
        assertReason(report, 3, "malformed CSV");
    }

    @Test
    void should_change_nothing_when_the_same_file_is_imported_twice() {
        String file = "gtin,serial,lot,expiry,status,product,reason\n"
                + GTIN + ",R1,L1,2027-01-31,printed,Name,\n"
                + GTIN + ",R2,,,decommissioned,Name,recalled\n"
                + EAN13 + ",R3,,,,,\n";
        ImportReport first = csv(file);
        long history = count("SELECT COUNT(*) FROM serial_history");

        ImportReport second = csv(file);

        assertEquals(new ImportReport(3, 0, 0, List.of()), first, "first import inserts");
        assertEquals(3, history, "one creation entry per serial");
        assertEquals(new ImportReport(0, 0, 3, List.of()), second, "second import reports every row unchanged");
        assertEquals(3, count("SELECT COUNT(*) FROM serial_history"), "no new history");
        assertEquals(2, count("SELECT COUNT(*) FROM product"), "no duplicate products");
        ImportReport sparse = csv("gtin,serial\n" + GTIN + ",R1\n");
        assertEquals(new ImportReport(0, 0, 1, List.of()), sparse, "absent optional columns change nothing");
        assertEquals("L1", query.find(GTIN, "R1").orElseThrow().lot(), "lot kept");
    }

    @Test
    void should_write_history_on_status_change_and_keep_status_when_absent() {
        csv("gtin,serial,status\n" + GTIN + ",H1,provisioned\n");
        ImportReport lotOnly = csv("gtin,serial,lot\n" + GTIN + ",H1,NEWLOT\n");
        ImportReport printed = csv("gtin,serial,status\n" + GTIN + ",H1,Printed\n");

        assertEquals(new ImportReport(0, 1, 0, List.of()), lotOnly, "lot change is an update");
        assertEquals(new ImportReport(0, 1, 0, List.of()), printed, "status change is an update");
        SerialRecord serial = query.find(GTIN, "H1").orElseThrow();
        assertEquals(SerialStatus.PRINTED, serial.status(), "status changed");
        assertEquals("NEWLOT", serial.lot(), "lot kept when a later row omits it");
        assertEquals(List.of(SerialStatus.PROVISIONED, SerialStatus.PRINTED),
                serial.history().stream().map(StatusChange::toStatus).toList(), "history oldest first, no entry for lot");
        assertEquals(SerialStatus.PROVISIONED, serial.history().get(1).fromStatus(), "from status recorded");
    }

    @Test
    void should_record_the_reason_when_decommissioned() {
        csv("gtin,serial\n" + GTIN + ",D1\n" + GTIN + ",D2\n");

        csv("gtin,serial,status,reason\n" + GTIN + ",D1,decommissioned,damaged label\n" + GTIN + ",D2,decommissioned,\n");

        SerialRecord withReason = query.find(GTIN, "D1").orElseThrow();
        assertEquals(SerialStatus.DECOMMISSIONED, withReason.status(), "decommissioned");
        assertEquals("damaged label", withReason.statusReason(), "reason on the serial");
        assertEquals("damaged label", withReason.history().get(1).reason(), "reason in the history");
        assertEquals("import", query.find(GTIN, "D2").orElseThrow().statusReason(), "default reason is import");
        csv("gtin,serial,status\n" + GTIN + ",D1,provisioned\n");
        assertNull(query.find(GTIN, "D1").orElseThrow().statusReason(), "reason cleared when no longer decommissioned");
    }

    @Test
    void should_import_a_json_array_and_report_bad_elements_by_index() {
        String json = "[{\"GTIN\":\"" + GTIN + "\",\"serial\":\"J1\",\"lot\":\"L\",\"expiry\":\"2028-12-31\","
                + "\"status\":\"packed\",\"product\":\"Json product\",\"extra\":{\"x\":1}},"
                + "{\"gtin\":" + EAN13 + ",\"serial\":\"J2\",\"lot\":null},"
                + "{\"gtin\":\"" + GTIN + "\",\"serial\":[\"J3\"]},"
                + "\"not an object\","
                + "{\"gtin\":\"" + GTIN + "\"}]";

        ImportReport report = importer.importJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertEquals(2, report.inserted(), "two good elements: " + report);
        assertEquals(List.of(3, 4, 5), lines(report), "bad elements by 1-based index");
        SerialRecord serial = query.find(GTIN, "J1").orElseThrow();
        assertEquals(SerialStatus.PACKED, serial.status(), "status from JSON");
        assertEquals("Json product", serial.product().name(), "product from JSON");
        assertTrue(query.find(EAN13, "J2").isPresent(), "numeric gtin accepted");
    }

    @Test
    void should_reject_malformed_or_non_array_json_and_import_nothing() {
        String valid = "{\"gtin\":\"" + GTIN + "\",\"serial\":\"M1\"}";
        for (String json : List.of("", "{}", valid, "[" + valid + ",", "[" + valid + "] trailing", "[" + valid + ",{\"a\":}]")) {
            ImportReport report = importer.importJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

            assertEquals(1, report.errors().size(), "one error for " + json + ": " + report);
            assertEquals(0, report.errors().get(0).line(), "document error at line 0 for " + json);
            assertEquals(0, report.inserted(), "nothing reported imported for " + json);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM serial"), "nothing imported, not even the valid first element");
    }

    @Test
    void should_apply_the_same_serial_twice_in_one_file_in_order() {
        ImportReport report = csv("gtin,serial,status\n" + GTIN + ",T1,printed\n" + GTIN + ",T1,shipped\n");

        assertEquals(new ImportReport(1, 1, 0, List.of()), report, "insert then update");
        assertEquals(List.of(SerialStatus.PRINTED, SerialStatus.SHIPPED),
                query.find(GTIN, "T1").orElseThrow().history().stream().map(StatusChange::toStatus).toList(),
                "both changes in history, in file order");
    }

    @Test
    void should_cap_the_error_list_and_count_the_rest() {
        StringBuilder file = new StringBuilder("gtin,serial\n");
        for (int i = 0; i < 1_500; i++) {
            file.append("123,S").append(i).append('\n');
        }

        ImportReport report = csv(file.toString());

        assertEquals(ImportReport.MAX_ERRORS, report.errors().size(), "error list capped");
        assertEquals(500, report.errorsTruncated(), "the rest counted");
        assertEquals(1_500, report.rejected(), "rejected counts all bad rows");
    }

    @Test
    void should_import_a_100000_row_file() {
        int rows = 100_000;
        StringBuilder file = new StringBuilder(rows * 40).append("gtin,serial,lot,expiry,status\n");
        for (int i = 0; i < rows; i++) {
            file.append(GTIN).append(",SN").append(i).append(",LOT").append(i / 1000).append(",2028-06-30,printed\n");
        }

        long start = System.nanoTime();
        ImportReport report = csv(file.toString());
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        ImportReport again = csv(file.toString());
        long againMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("%s: %,d rows imported in %,d ms, re-imported unchanged in %,d ms%n",
                getClass().getSimpleName(), rows, firstMillis, againMillis);
        assertEquals(new ImportReport(rows, 0, 0, List.of()), report, "every row inserted");
        assertEquals(new ImportReport(0, 0, rows, List.of()), again, "every row unchanged on re-import");
        assertEquals(rows, count("SELECT COUNT(*) FROM serial_history"), "one creation entry per serial, none on re-import");
    }

    protected ImportReport csv(String text) {
        return importer.importCsv(new StringReader(text));
    }

    protected long count(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet result = select.executeQuery()) {
            assertTrue(result.next(), "count query answers a row");
            return result.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("count failed: " + sql, e);
        }
    }

    private static List<Integer> lines(ImportReport report) {
        return report.errors().stream().map(RowError::line).toList();
    }

    private static void assertReason(ImportReport report, int line, String expected) {
        RowError error = report.errors().stream().filter(e -> e.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no error on line " + line + ": " + report));
        assertTrue(error.reason().contains(expected), "line " + line + " reason '" + error.reason() + "' mentions " + expected);
        assertFalse(error.reason().isBlank(), "line " + line + " has a reason");
    }
}
