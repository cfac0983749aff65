package io.linehub.print;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The templates shipped in config/labels: golden output, injection through every field kind, bad job data. */
class ShippedLabelsTest {

    private static final String HOSTILE = "X^FS^XZ^XA~JA";
    private static final Map<String, String> UNIT = Map.of("product", "Paracetamol 500 mg – Comprimés",
        "gtin", "09501101530003", "serial", "XYZ987", "lot", "ABC_123", "expiry", "270531");
    private static final Map<String, String> CASE = Map.of("product", "Paracetamol 500 mg, 24 × 10 Tabletten",
        "quantity", "24", "sscc", "106141412345678908");

    private static LabelRenderer renderer;

    @BeforeAll
    static void loadShippedTemplates() throws IOException {
        LabelTemplates templates = LabelTemplates.load(Path.of("config", "labels"));
        assertTrue(templates.find("unit-label").isPresent() && templates.find("case-label").isPresent(),
            "both shipped templates load, named by file stem: " + templates.names());
        renderer = new LabelRenderer(templates);
    }

    @Test
    void should_render_the_unit_label_exactly_like_the_golden_file() throws IOException {
        assertArrayEquals(golden("unit-label"), renderer.render("unit-label", UNIT, 3),
            "unit-label with fixed fields and 3 copies matches src/test/resources/zpl/unit-label.expected.zpl");
    }

    @Test
    void should_render_the_case_label_exactly_like_the_golden_file() throws IOException {
        assertArrayEquals(golden("case-label"), renderer.render("case-label", CASE, 1),
            "case-label with fixed fields matches src/test/resources/zpl/case-label.expected.zpl");
    }

    @Test
    void should_leave_the_optional_case_lines_empty_when_product_and_quantity_are_absent() {
        String zpl = render("case-label", Map.of("sscc", "106141412345678908"));
        assertTrue(zpl.contains("^FO40,40^A0N,48,48^FS\n^FO40,110^A0N,40,40^FS\n"), "empty fields: " + zpl);
        assertTrue(zpl.contains("^FD>;>800106141412345678908^FS"), "the SSCC barcode is still there: " + zpl);
    }

    @Test
    void should_keep_exactly_one_ci28_right_after_xa() {
        for (String name : List.of("unit-label", "case-label")) {
            String zpl = render(name, name.equals("unit-label") ? UNIT : CASE);
            assertTrue(zpl.startsWith("^XA\n^CI28\n"), name + " starts with ^XA then ^CI28");
            assertEquals(zpl.indexOf("^CI"), zpl.lastIndexOf("^CI"), name + " has exactly one ^CI");
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"product,unit-label", "product,case-label", "quantity,case-label"})
    void should_print_a_hostile_text_value_literally_without_adding_commands(String field, String template) {
        Map<String, String> fields = new HashMap<>(template.equals("unit-label") ? UNIT : CASE);
        fields.put(field, "Harmless");
        List<String> expectedCommands = commands(render(template, fields));
        fields.put(field, HOSTILE);
        String hostile = render(template, fields);
        assertEquals(expectedCommands, commands(hostile), "the same command sequence with " + HOSTILE + " in " + field);
        assertTrue(hostile.contains("^FDX_5EFS_5EXZ_5EXA_7EJA^FS") || hostile.contains("QTY: X_5EFS_5EXZ_5EXA_7EJA^FS"),
            "the hostile value is escaped: " + hostile);
    }

    /**
     * The classic attacks beyond the one above: a whole second format with its own field data, a control
     * command that wipes the printer's memory, a stored format (^DF), and text that looks already escaped
     * or breaks the line. Each must come out hex-escaped, reversible to exactly what was sent.
     */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        "^XA^FDevil^FS^XZ|product|unit-label|_5EXA_5EFDevil_5EFS_5EXZ",
        "~JA|product|unit-label|_7EJA",
        "^DFE:EVIL.ZPL^FS|product|unit-label|_5EDFE:EVIL.ZPL_5EFS",
        "_5EXA|product|unit-label|_5F5EXA",
        "^XA^FDevil^FS^XZ|product|case-label|_5EXA_5EFDevil_5EFS_5EXZ",
        "~JA|quantity|case-label|_7EJA",
        "^DF|quantity|case-label|_5EDF"})
    void should_print_zpl_commands_in_a_text_field_only_hex_escaped(String hostile, String field, String template,
                                                                   String escaped) {
        Map<String, String> fields = new HashMap<>(template.equals("unit-label") ? UNIT : CASE);
        fields.put(field, "Harmless");
        List<String> expectedCommands = commands(render(template, fields));
        fields.put(field, hostile);
        String zpl = render(template, fields);
        assertEquals(expectedCommands, commands(zpl), "no command added by " + hostile + " in " + field);
        assertTrue(zpl.contains(escaped + "^FS"), hostile + " appears only as " + escaped + ": " + zpl);
        assertFalse(zpl.contains(hostile), "never raw: " + zpl);
        assertEquals(hostile, ZplEscaper.unescape(escaped), "the printer prints exactly what was sent");
    }

    @Test
    void should_not_let_a_line_break_in_text_start_a_command() {
        Map<String, String> fields = new HashMap<>(UNIT);
        fields.put("product", "Line one\r\n^XA^FDevil^FS^XZ");
        String zpl = render("unit-label", fields);
        assertTrue(zpl.contains("^FH_^FDLine one_0D_0A_5EXA_5EFDevil_5EFS_5EXZ^FS"), "CR and LF escaped too: " + zpl);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"serial", "lot", "gtin", "expiry"})
    void should_refuse_a_hostile_barcode_value_instead_of_printing_it(String field) {
        Map<String, String> fields = new HashMap<>(UNIT);
        fields.put(field, HOSTILE);
        LabelDataException e = assertThrows(LabelDataException.class, () -> renderer.render("unit-label", fields, 1),
            field + " with ZPL commands");
        assertEquals(field, e.field(), "the exception names " + field);
        Map<String, String> sscc = Map.of("sscc", "10614141234567890^");
        assertEquals("sscc", assertThrows(LabelDataException.class, () -> renderer.render("case-label", sscc, 1),
            "hostile SSCC").field(), "the exception names sscc");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Müller|M_C3_BCller", "Preis 5€|Preis 5_E2_82_AC", "Straße|Stra_C3_9Fe",
        "Ibuprofen 400 mg (Ärzte-Packung) €9|Ibuprofen 400 mg (_C3_84rzte-Packung) _E2_82_AC9"})
    void should_print_unicode_product_names_hex_escaped(String product, String escaped) {
        Map<String, String> fields = new HashMap<>(UNIT);
        fields.put("product", product);
        String zpl = render("unit-label", fields);
        assertTrue(zpl.contains("^FH_^FD" + escaped + "^FS"), product + " is escaped as " + escaped + ": " + zpl);
        assertTrue(zpl.chars().allMatch(c -> c < 0x80), "the rendered label is pure ASCII");
    }

    @Test
    void should_refuse_a_bad_gtin_check_digit() {
        Map<String, String> fields = new HashMap<>(UNIT);
        fields.put("gtin", "09501101530004");
        LabelDataException e = assertThrows(LabelDataException.class, () -> renderer.render("unit-label", fields, 1),
            "wrong check digit");
        assertEquals("gtin", e.field(), "names gtin");
        assertTrue(e.getMessage().contains("check digit"), "says why: " + e.getMessage());
    }

    @Test
    void should_refuse_a_lot_with_a_space() {
        Map<String, String> fields = new HashMap<>(UNIT);
        fields.put("lot", "ABC 123");
        LabelDataException e = assertThrows(LabelDataException.class, () -> renderer.render("unit-label", fields, 1),
            "space is not CSET 82");
        assertEquals("lot", e.field(), "names lot");
        assertTrue(e.getMessage().contains("character set 82"), "says why: " + e.getMessage());
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"product", "gtin", "serial", "lot", "expiry"})
    void should_refuse_a_unit_label_job_missing_a_required_field(String field) {
        Map<String, String> fields = new HashMap<>(UNIT);
        fields.remove(field);
        LabelDataException e = assertThrows(LabelDataException.class, () -> renderer.render("unit-label", fields, 1),
            field + " is required");
        assertEquals(field, e.field(), "the exception names " + field);
    }

    @Test
    void should_refuse_an_unknown_template_name() {
        LabelDataException e = assertThrows(LabelDataException.class,
            () -> renderer.render("pallet-label", CASE, 1), "no such template");
        assertEquals("template", e.field(), "the job's template property is at fault");
        assertTrue(e.getMessage().contains("case-label"), "lists the known templates: " + e.getMessage());
    }

    /** Every ^ or ~ command in the output; escaped data adds none, so the sequence is the template's own. */
    private static List<String> commands(String zpl) {
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < zpl.length() - 2; i++) {
            if (zpl.charAt(i) == '^' || zpl.charAt(i) == '~') {
                commands.add(zpl.substring(i, i + 3));
            }
        }
        assertFalse(commands.isEmpty(), "output has commands");
        return commands;
    }

    private static String render(String template, Map<String, String> fields) {
        return new String(renderer.render(template, fields, 1), StandardCharsets.UTF_8);
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = ShippedLabelsTest.class.getResourceAsStream("/zpl/" + name + ".expected.zpl")) {
            assertNotNull(in, "golden file for " + name);
            return in.readAllBytes();
        }
    }
}
