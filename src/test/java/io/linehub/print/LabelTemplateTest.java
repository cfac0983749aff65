package io.linehub.print;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Template syntax, the checks made at parse time and rendering, including zpl.md section 1's complete label. */
class LabelTemplateTest {

    /** A template that must reproduce the complete label of zpl.md section 1. */
    private static final String COMPLETE_LABEL_TEMPLATE = """
        {{# zpl.md section 1 complete label #}}
        ^XA
        ^CI28
        ^PW812
        ^FO40,40^A0N,40,40{{text:product " – Lot " lot}}^FS
        ^FO40,100^A0N,30,30{{text:"GTIN: " gtin}}^FS
        ^FO40,150^BXN,8,200,0,0,,_{{gs1datamatrix:01=gtin,17=expiry,10=lot,21=serial}}^FS
        ^FO40,420^BY2^BCN,120,Y,N,N{{gs1128:00=sscc}}^FS
        ^PQ{{copies}},0,1,Y
        ^XZ
        """;

    /** Verbatim from zpl.md section 1. */
    private static final String COMPLETE_LABEL = """
        ^XA
        ^CI28
        ^PW812
        ^FO40,40^A0N,40,40^FH_^FDParacetamol 500 mg _E2_80_93 Lot ABC_5F123^FS
        ^FO40,100^A0N,30,30^FH_^FDGTIN: 09501101530003^FS
        ^FO40,150^BXN,8,200,0,0,,_^FD_101095011015300031727053110ABC__123_121XYZ987^FS
        ^FO40,420^BY2^BCN,120,Y,N,N^FD>;>800106141412345678908^FS
        ^PQ1,0,1,Y
        ^XZ
        """;

    private static final Map<String, String> COMPLETE_FIELDS = Map.of("product", "Paracetamol 500 mg",
        "lot", "ABC_123", "gtin", "09501101530003", "expiry", "270531", "serial", "XYZ987",
        "sscc", "106141412345678908");

    @Test
    void should_reproduce_the_complete_label_of_the_vectors_byte_for_byte() {
        byte[] rendered = LabelTemplate.parse("complete", COMPLETE_LABEL_TEMPLATE).render(COMPLETE_FIELDS, 1);
        assertEquals(COMPLETE_LABEL, new String(rendered, StandardCharsets.UTF_8), "zpl.md section 1 complete label");
        assertArrayEquals(COMPLETE_LABEL.getBytes(StandardCharsets.US_ASCII), rendered, "pure ASCII bytes");
    }

    @Test
    void should_write_the_copy_count_into_pq() {
        String zpl = render(LabelTemplate.parse("complete", COMPLETE_LABEL_TEMPLATE), COMPLETE_FIELDS, 250);
        assertTrue(zpl.contains("\n^PQ250,0,1,Y\n"), "copies go to ^PQ: " + zpl);
    }

    @Test
    void should_refuse_copies_out_of_range_or_without_a_copies_placeholder() {
        LabelTemplate complete = LabelTemplate.parse("complete", COMPLETE_LABEL_TEMPLATE);
        assertEquals("copies", assertThrows(LabelDataException.class, () -> complete.render(COMPLETE_FIELDS, 0),
            "zero copies").field(), "copies named");
        LabelTemplate noCopies = LabelTemplate.parse("plain", "^XA^CI28^FO1,1^A0N,20,20{{text:x}}^FS^XZ");
        assertEquals("copies", assertThrows(LabelDataException.class, () -> noCopies.render(Map.of("x", "1"), 2),
            "2 copies but no {{copies}}").field(), "copies named");
        assertEquals("^XA^CI28^FO1,1^A0N,20,20^FH_^FD1^FS^XZ", render(noCopies, Map.of("x", "1"), 1),
            "one copy needs no ^PQ");
    }

    @Test
    void should_name_a_missing_required_field() {
        Map<String, String> fields = new HashMap<>(COMPLETE_FIELDS);
        fields.remove("serial");
        LabelDataException e = assertThrows(LabelDataException.class,
            () -> LabelTemplate.parse("complete", COMPLETE_LABEL_TEMPLATE).render(fields, 1), "serial missing");
        assertEquals("serial", e.field(), "the exception names the missing field");
        assertTrue(e.getMessage().contains("(21)"), "and says what needs it: " + e.getMessage());
    }

    @Test
    void should_treat_null_and_empty_values_as_absent() {
        LabelTemplate template = LabelTemplate.parse("t", "^XA^CI28^FO1,1^A0N,20,20{{text:a}}^FS^XZ");
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertEquals("a", assertThrows(LabelDataException.class, () -> template.render(withNull, 1), "null").field(),
            "null is absent");
        assertEquals("a", assertThrows(LabelDataException.class, () -> template.render(Map.of("a", ""), 1),
            "empty").field(), "empty is absent");
    }

    @Test
    void should_render_nothing_for_a_text_placeholder_whose_optional_field_is_absent() {
        LabelTemplate template = LabelTemplate.parse("t", "^XA^CI28^FO1,1^A0N,20,20{{text:\"Qty: \" qty?}}^FS^XZ");
        assertEquals("^XA^CI28^FO1,1^A0N,20,20^FS^XZ", render(template, Map.of(), 1), "absent: empty field");
        assertEquals("^XA^CI28^FO1,1^A0N,20,20^FH_^FDQty: 24^FS^XZ", render(template, Map.of("qty", "24"), 1),
            "present: prefix and value");
    }

    @Test
    void should_list_required_and_optional_fields() {
        LabelTemplate template = LabelTemplate.parse("t", "^XA^CI28^FO1,1^A0N,20,20{{text:a b?}}^FS"
            + "^FO1,1^BXN,4,200,0,0,,_{{gs1datamatrix:01=gtin,10=b?,21=c}}^FS^FO1,1^A0N,20,20{{text:c?}}^FS^XZ");
        assertEquals(Set.of("a", "c", "gtin"), template.requiredFields(), "required somewhere");
        assertEquals(Set.of("b"), template.optionalFields(), "only optional");
    }

    @Test
    void should_not_expand_placeholder_syntax_inside_values() {
        LabelTemplate template = LabelTemplate.parse("t", "^XA^CI28^FO1,1^A0N,20,20{{text:a}}^FS^PQ{{copies}}^XZ");
        assertEquals("^XA^CI28^FO1,1^A0N,20,20^FH_^FD{{copies}}^FS^PQ1^XZ",
            render(template, Map.of("a", "{{copies}}"), 1), "values are data, never template");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "unknown kind|^XA^CI28^FO1,1{{barcode:gtin}}^FS^XZ|unknown placeholder {{barcode:gtin}}",
        "bare field name|^XA^CI28^FO1,1{{gtin}}^FS^XZ|unknown placeholder {{gtin}}",
        "unclosed placeholder|^XA^CI28^FO1,1{{text:gtin^FS^XZ|not closed",
        "unsupported AI|^XA^CI28^BXN,4,200,0,0,,_{{gs1datamatrix:12=due}}^FS^XZ|AI (12) is not supported",
        "duplicate AI|^XA^CI28^BXN,4,200,0,0,,_{{gs1datamatrix:01=a,01=b}}^FS^XZ|appears twice",
        "all optional|^XA^CI28^BXN,4,200,0,0,,_{{gs1datamatrix:10=lot?}}^FS^XZ|at least one required",
        "bad binding|^XA^CI28^BXN,4,200,0,0,,_{{gs1datamatrix:01 gtin}}^FS^XZ|expected AI=field",
        "literal ^FD|^XA^CI28^FO1,1^FDHello^FS^XZ|^FD at '^FDHello^FS^XZ' is not allowed",
        "literal ^FH|^XA^CI28^FO1,1^FH_{{text:a}}^FS^XZ|^FH",
        "prefix change|^XA^CI28~CC+^XZ|~CC",
        "missing ^CI28|^XA^FO1,1{{text:a}}^FS^XZ|must be followed by ^CI28",
        "other ^CI|^XA^CI27^XZ|must be followed by ^CI28",
        "second ^CI|^XA^CI28^CI28^XZ|^CI at",
        "no format|^FO1,1^A0N,20,20|no ^XA",
        "unclosed format|^XA^CI28^FO1,1|not closed by ^XZ",
        "placeholder after ^XZ|^XA^CI28^XZ^FO1,1{{text:a}}^FS|outside ^XA",
        "no ^FS after field|^XA^CI28^FO1,1{{text:a}}^XZ|followed directly by ^FS",
        "text in barcode field|^XA^CI28^BCN,100,Y,N,N{{text:a}}^FS^XZ|{{text:...}} in a ^BC field",
        "datamatrix without escape _|^XA^CI28^BXN,8,200{{gs1datamatrix:01=gtin}}^FS^XZ|escape character _",
        "datamatrix not ECC 200|^XA^CI28^BXN,8,140,0,0,,_{{gs1datamatrix:01=gtin}}^FS^XZ|ECC 200",
        "datamatrix without ^BX|^XA^CI28^FO1,1{{gs1datamatrix:01=gtin}}^FS^XZ|needs ^BX",
        "gs1128 with UCC check digit|^XA^CI28^BCN,100,Y,N,Y{{gs1128:00=sscc}}^FS^XZ|UCC check digit",
        "gs1128 in mode D|^XA^CI28^BCN,100,Y,N,N,D{{gs1128:00=sscc}}^FS^XZ|mode N or A",
        "copies elsewhere|^XA^CI28^PW{{copies}}^XZ|directly follow ^PQ"})
    void should_reject_malformed_templates_at_parse_time(String label, String zpl, String reason) {
        LabelTemplateException e = assertThrows(LabelTemplateException.class, () -> LabelTemplate.parse("bad", zpl),
            label);
        assertTrue(e.getMessage().contains(reason), label + ": '" + e.getMessage() + "' should contain: " + reason);
        assertEquals("bad", e.template(), "the exception names the template");
    }

    @Test
    void should_report_the_line_of_a_bad_placeholder() {
        LabelTemplateException e = assertThrows(LabelTemplateException.class,
            () -> LabelTemplate.parse("bad", "^XA\n^CI28\n^FO1,1{{txt:a}}^FS\n^XZ\n"), "typo in kind");
        assertTrue(e.getMessage().contains("line 3"), "message gives the line: " + e.getMessage());
    }

    @Test
    void should_drop_comments_with_their_line_break() {
        LabelTemplate template = LabelTemplate.parse("c",
            "{{# a comment may show {{text:x}} examples\n   and span lines #}}\n^XA\n^CI28{{# inline #}}\n^XZ\n");
        assertEquals("^XA\n^CI28\n^XZ\n", render(template, Map.of(), 1), "comments are not sent to the printer");
    }

    private static String render(LabelTemplate template, Map<String, String> fields, int copies) {
        return new String(template.render(fields, copies), StandardCharsets.UTF_8);
    }
}
