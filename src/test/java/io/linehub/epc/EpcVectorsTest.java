package io.linehub.epc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Checks every row of the shared EPC vector file, one dynamic test per row. */
class EpcVectorsTest {

    private static Path vectorFile() {
        return Path.of(System.getProperty("linehub.shared.dir", "../shared"), "vectors", "epc.tsv");
    }

    @TestFactory
    Stream<DynamicTest> every_vector_row_decodes_or_encodes_as_expected() throws IOException {
        List<Map<String, String>> rows = readRows(vectorFile());
        assertFalse(rows.isEmpty(), "the vector file " + vectorFile() + " should contain rows");
        return rows.stream().map(row -> DynamicTest.dynamicTest(
                row.get("id") + " " + row.get("direction") + " " + row.get("input"), () -> check(row)));
    }

    private static void check(Map<String, String> row) {
        String id = row.get("id");
        EpcResult result;
        if ("encode".equals(row.get("direction"))) {
            String[] input = row.get("input").split("\\|", 3);
            result = EpcEncoder.encode(input[0], Integer.parseInt(input[1]), input[2]);
        } else {
            result = EpcDecoder.decode(row.get("input"));
        }
        if ("error".equals(row.get("expect"))) {
            EpcError error = assertInstanceOf(EpcError.class, result, id + ": should be an error, got " + result);
            assertEquals(row.get("error_kind"), error.kind(), id + ": error kind (" + error.message() + ")");
            assertFalse(error.message().isBlank(), id + ": error should carry a message");
            return;
        }
        EpcTag tag = assertInstanceOf(EpcTag.class, result, id + ": should decode, got " + result);
        if ("encode".equals(row.get("direction"))) {
            assertEquals(row.get("expected_hex"), tag.hex(), id + ": encoded hex");
        }
        assertEquals(row.get("scheme"), tag.scheme(), id + ": scheme");
        assertEquals(Integer.parseInt(row.get("filter")), tag.filter(), id + ": filter");
        assertEquals(row.get("tag_uri"), tag.tagUri(), id + ": tag URI");
        assertEquals(row.get("pure_identity_uri"), tag.uri(), id + ": pure identity URI");
        assertEquals(row.get("gs1_element_string"), tag.elementString(), id + ": GS1 element string");
        assertEquals(row.get("gs1_key"), primaryKey(tag), id + ": GS1 key");
        assertEquals(row.get("serial_or_extension"), serialOrExtension(tag), id + ": serial or extension");
    }

    private static String primaryKey(EpcTag tag) {
        return Stream.of(tag.gtin(), tag.sscc(), tag.gln(), tag.grai(), tag.giai())
                .filter(key -> key != null).findFirst().orElse("");
    }

    private static String serialOrExtension(EpcTag tag) {
        String value = tag.serial() != null ? tag.serial() : tag.extension();
        return value == null ? "" : value;
    }

    private static List<Map<String, String>> readRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header == null) {
                header = cells;
                assertTrue(List.of(header).contains("expected_hex"), "the first data line should be the header");
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
