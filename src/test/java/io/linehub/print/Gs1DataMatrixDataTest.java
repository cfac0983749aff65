package io.linehub.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GS1 DataMatrix field data against zpl.md section 2. */
class Gs1DataMatrixDataTest {

    private static final LabelTemplate DATAMATRIX = LabelTemplate.parse("dm",
        "^XA^CI28^FO40,150^BXN,8,200,0,0,,_{{gs1datamatrix:01=gtin,17=expiry?,10=lot?,21=serial}}^FS^XZ");

    @Test
    void should_reproduce_the_vector_field_byte_for_byte() {
        String data = Gs1DataMatrixData.encode(List.of(
            Gs1Element.of("01", "09501101530003", "gtin"), Gs1Element.of("17", "270531", "expiry"),
            Gs1Element.of("10", "ABC_123", "lot"), Gs1Element.of("21", "XYZ987", "serial")));
        assertEquals("_101095011015300031727053110ABC__123_121XYZ987", data, "zpl.md section 2 field data");
    }

    @Test
    void should_render_the_vector_through_a_template_with_the_bx_command() {
        String zpl = render(Map.of("gtin", "09501101530003", "expiry", "270531", "lot", "ABC_123", "serial", "XYZ987"));
        assertEquals("^XA^CI28^FO40,150^BXN,8,200,0,0,,_^FD_101095011015300031727053110ABC__123_121XYZ987^FS^XZ",
            zpl, "zpl.md section 2: ^BXN,8,200,0,0,,_^FD..., no ^FH on the barcode field");
    }

    @Test
    void should_leave_out_absent_optional_elements_and_keep_template_order() {
        assertEquals("^XA^CI28^FO40,150^BXN,8,200,0,0,,_^FD_1010950110153000321XYZ987^FS^XZ",
            render(Map.of("gtin", "09501101530003", "serial", "XYZ987")), "no (17), no (10), no separator needed");
        Map<String, String> emptyLot = new HashMap<>(Map.of("gtin", "09501101530003", "lot", "", "serial", "S1"));
        assertEquals("^XA^CI28^FO40,150^BXN,8,200,0,0,,_^FD_1010950110153000321S1^FS^XZ",
            render(emptyLot), "an empty optional value counts as absent");
    }

    @Test
    void should_separate_only_variable_length_elements_that_are_not_last() {
        LabelTemplate lotFirst = LabelTemplate.parse("dm2",
            "^XA^CI28^BXN,8,200,0,0,,_{{gs1datamatrix:10=lot,21=serial,01=gtin,30=count}}^FS^XZ");
        String zpl = new String(lotFirst.render(
            Map.of("lot", "L_1", "serial", "S", "gtin", "09501101530003", "count", "12"), 1), StandardCharsets.UTF_8);
        assertEquals("^XA^CI28^BXN,8,200,0,0,,_^FD_110L__1_121S_101095011015300033012^FS^XZ", zpl,
            "FNC1 after (10) and (21), none after predefined (01), none after the last element");
    }

    @Test
    void should_not_let_an_underscore_in_data_inject_an_fnc1() {
        String zpl = render(Map.of("gtin", "09501101530003", "lot", "X_1Y", "serial", "_d065"));
        assertEquals("^XA^CI28^FO40,150^BXN,8,200,0,0,,_^FD_10109501101530003" + "10X__1Y_121__d065^FS^XZ", zpl,
            "every literal _ is doubled, so _1 and _d065 in data stay data");
    }

    @Test
    void should_fail_on_a_missing_required_element() {
        LabelDataException e = assertThrows(LabelDataException.class, () -> render(Map.of("gtin", "09501101530003")),
            "serial is required");
        assertEquals("serial", e.field(), "the exception names the missing field");
    }

    private static String render(Map<String, String> fields) {
        return new String(DATAMATRIX.render(fields, 1), StandardCharsets.UTF_8);
    }
}
