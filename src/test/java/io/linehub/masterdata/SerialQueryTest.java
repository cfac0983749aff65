package io.linehub.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the serial lookup answer, its history order and its JSON shape against an embedded H2 database. */
class SerialQueryTest {

    private static final String GTIN = "09506000134352";

    private DataSource dataSource;
    private SerialQuery query;

    @BeforeEach
    void database() {
        dataSource = SerialImporterTest.h2();
        SchemaMigrator.migrate(dataSource);
        query = new SerialQuery(dataSource);
        new SerialImporter(dataSource).importCsv(new StringReader(
                "gtin,serial,lot,expiry,product\n" + GTIN + ",Q1,LOT7,2027-05-31,Ibuprofen\n"));
    }

    @Test
    void should_return_the_record_with_its_product_and_history_oldest_first() throws SQLException {
        scan("Q1", "provisioned", "printed", "station-1", "printer-A", "0f8fad5b-d9cb-469f-a165-70867728950e");
        scan("Q1", "printed", "commissioned", "station-2", "camera-B", "7c9e6679-7425-40de-944b-e07fc1f90ae7");

        SerialRecord serial = query.find(GTIN, "Q1").orElseThrow();

        assertEquals(SerialStatus.COMMISSIONED, serial.status(), "current status");
        assertEquals("Ibuprofen", serial.product().name(), "product name");
        assertTrue(serial.createdAt() != null && serial.updatedAt() != null, "timestamps read");
        assertEquals(List.of(SerialStatus.PROVISIONED, SerialStatus.PRINTED, SerialStatus.COMMISSIONED),
                serial.history().stream().map(StatusChange::toStatus).toList(), "history oldest first");
        StatusChange last = serial.history().get(2);
        assertEquals("station-2", last.station(), "station of the scan");
        assertEquals("camera-B", last.device(), "device of the scan");
        assertEquals("7c9e6679-7425-40de-944b-e07fc1f90ae7", last.eventId(), "event id of the scan");
        assertEquals("scan", last.source(), "source of the scan");
        assertFalse(last.changedAt().isBefore(serial.history().get(0).changedAt()), "changedAt does not go backwards");
    }

    @Test
    void should_find_a_serial_by_its_gtin_13() {
        assertTrue(query.find(GTIN.substring(1), "Q1").isPresent(), "GTIN-13 padded to the stored GTIN-14");
    }

    @Test
    void should_answer_empty_for_an_unknown_serial_or_a_non_gtin() {
        assertTrue(query.find(GTIN, "NOPE").isEmpty(), "unknown serial");
        assertTrue(query.find("09506000134369", "Q1").isEmpty(), "unknown GTIN");
        assertTrue(query.find("not-a-gtin", "Q1").isEmpty(), "text that is no GTIN");
    }

    @Test
    void should_serialize_dates_as_iso_strings_and_leave_out_nulls() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(query.find(GTIN, "Q1").orElseThrow());

        assertEquals("2027-05-31", json.get("expiry").asText(), "expiry as ISO date");
        assertEquals("provisioned", json.get("status").asText(), "status as wire name");
        assertEquals(Instant.parse(json.get("createdAt").asText()), Instant.parse(json.get("createdAt").textValue()),
                "createdAt is an ISO-8601 instant string");
        assertTrue(json.get("createdAt").isTextual(), "createdAt is a string, not a number");
        assertFalse(json.has("lastAcceptedAt"), "null lastAcceptedAt left out");
        assertFalse(json.get("history").get(0).has("fromStatus"), "null fromStatus left out");
        assertEquals("import", json.get("history").get(0).get("source").asText(), "history source");
        assertFalse(json.get("product").has("companyPrefixLength"), "unknown prefix length left out");
    }

    @Test
    void should_serialize_the_same_with_the_callers_java_time_mapper() {
        SerialRecord serial = query.find(GTIN, "Q1").orElseThrow();
        ObjectMapper callers = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        JsonNode json = callers.valueToTree(serial);

        assertEquals(new ObjectMapper().valueToTree(serial), json, "same JSON with or without JavaTimeModule");
        assertEquals(serial.createdAt(), Instant.parse(json.get("createdAt").asText()), "createdAt round-trips as ISO-8601");
    }

    /** Writes a status change the way the scan path does, to see station, device and event in the answer. */
    private void scan(String serial, String from, String to, String station, String device, String eventId)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE serial SET status = ?, last_accepted_at = CURRENT_TIMESTAMP WHERE gtin = ? AND serial = ?");
             PreparedStatement history = connection.prepareStatement("INSERT INTO serial_history"
                     + " (gtin, serial, from_status, to_status, source, station, device, event_id)"
                     + " VALUES (?, ?, ?, ?, 'scan', ?, ?, ?)")) {
            update.setString(1, to);
            update.setString(2, GTIN);
            update.setString(3, serial);
            update.executeUpdate();
            history.setString(1, GTIN);
            history.setString(2, serial);
            history.setString(3, from);
            history.setString(4, to);
            history.setString(5, station);
            history.setString(6, device);
            history.setString(7, eventId);
            history.executeUpdate();
        }
    }
}
