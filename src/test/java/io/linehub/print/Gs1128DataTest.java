package io.linehub.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GS1-128 field data against zpl.md section 3, plus a decoder check of Zebra's invocation-code rules. */
class Gs1128DataTest {

    private static final char GS = '\u001D';

    @Test
    void should_reproduce_the_sscc_vector() {
        assertEquals(">;>800106141412345678908", Gs1128Data.encode(List.of(
            Gs1Element.of("00", "106141412345678908", "sscc"))), "zpl.md section 3 SSCC");
    }

    @Test
    void should_reproduce_the_zebra_support_article_vector() {
        // the article's GTIN 12345678901234 has a wrong check digit (should end in 1), so Gs1Element.of refuses it;
        // the canonical constructor skips that check and lets the encoder be compared with the article
        String data = Gs1128Data.encode(List.of(new Gs1Element("01", "12345678901234", true),
            Gs1Element.of("21", "123456", "serial"), Gs1Element.of("10", "ABC123", "lot")));
        assertEquals(">;>8011234567890123421123456>810>6ABC123", data,
            "zpl.md section 3: FNC1 after (21), subset B for the letters of (10)");
    }

    @Test
    void should_refuse_to_print_the_support_article_gtin_because_its_check_digit_is_wrong() {
        LabelTemplate template = LabelTemplate.parse("t", "^XA^CI28^BCN,150,N,N,N{{gs1128:01=gtin,21=serial}}^FS^XZ");
        LabelDataException e = assertThrows(LabelDataException.class,
            () -> template.render(Map.of("gtin", "12345678901234", "serial", "123456"), 1), "bad check digit");
        assertEquals("gtin", e.field(), "the exception names the GTIN field");
        assertEquals(">;>8011234567890123121123456", Gs1128Data.encode(List.of(
            Gs1Element.of("01", "12345678901231", "gtin"), Gs1Element.of("21", "123456", "serial"))),
            "with the correct check digit the same layout is produced");
    }

    @Test
    void should_refuse_characters_outside_cset_82_even_without_ai_validation() {
        assertThrows(IllegalArgumentException.class, () -> new Gs1Element("10", "A^FS~JA", false),
            "a ZPL prefix can never reach an encoder");
        assertThrows(IllegalArgumentException.class, () -> new Gs1Element("1X", "A", false), "AI must be digits");
    }

    @Test
    void should_render_the_sscc_vector_through_a_template() {
        LabelTemplate template = LabelTemplate.parse("sscc", "^XA^CI28^BCN,150,Y,N,N{{gs1128:00=sscc}}^FS^XZ");
        String zpl = new String(template.render(Map.of("sscc", "106141412345678908"), 1), StandardCharsets.US_ASCII);
        assertEquals("^XA^CI28^BCN,150,Y,N,N^FD>;>800106141412345678908^FS^XZ", zpl, "zpl.md section 3 SSCC field");
    }

    @Test
    void should_encode_the_zpl_guide_elements_so_that_they_decode_to_the_same_element_string() {
        List<Gs1Element> elements = List.of(Gs1Element.of("02", "04017773003486", "content"),
            Gs1Element.of("10", "0008535", "lot"), Gs1Element.of("91", "0001", "internal"),
            Gs1Element.of("37", "252", "count"));
        String data = Gs1128Data.encode(elements);
        assertEquals("0204017773003486100008535" + GS + "910001" + GS + "37252", decode(data),
            "the ZPL guide's (02)(10)(91)(37) example in mode N: " + data);
    }

    @Test
    void should_move_an_unpaired_digit_to_subset_b_because_zebra_drops_it_in_subset_c() {
        String data = Gs1128Data.encode(List.of(Gs1Element.of("01", "09501101530003", "gtin"),
            Gs1Element.of("10", "12345", "lot")));
        assertEquals(">;>80109501101530003101234>65", data,
            "(01) needs no separator, so 23 digits run on and the odd last one is written in subset B");
    }

    @Test
    void should_return_to_subset_c_for_a_long_digit_run() {
        String data = Gs1128Data.encode(List.of(Gs1Element.of("10", "AB", "lot"),
            Gs1Element.of("21", "12345678", "serial")));
        assertEquals(">;>810>6AB>8>52112345678", data, "FNC1 then eight digits go back to subset C");
    }

    @Test
    void should_not_let_a_greater_than_sign_in_data_become_an_invocation_code() {
        String data = Gs1128Data.encode(List.of(Gs1Element.of("10", "A>8B>;", "lot")));
        assertEquals(">;>810>6A><8B><;", data, "a literal > is written ><");
        assertEquals("10A>8B>;", decode(data), "and decodes back to the data");
    }

    @Test
    void should_refuse_element_strings_longer_than_48_characters() {
        List<Gs1Element> tooLong = List.of(Gs1Element.of("00", "106141412345678908", "sscc"),
            Gs1Element.of("400", "ORDER-1234567890-ABCDEFGHIJKL", "order"));
        assertThrows(IllegalArgumentException.class, () -> Gs1128Data.encode(tooLong), "20 + 32 = 52 > 48");
        LabelTemplate template = LabelTemplate.parse("long",
            "^XA^CI28^BCN,150,N,N,N{{gs1128:00=sscc,400=order}}^FS^XZ");
        LabelDataException e = assertThrows(LabelDataException.class, () -> template.render(
            Map.of("sscc", "106141412345678908", "order", "ORDER-1234567890-ABCDEFGHIJKL"), 1), "render refuses");
        assertTrue(e.getMessage().contains("48"), "message states the limit: " + e.getMessage());
    }

    @Test
    void should_decode_random_element_strings_back_to_what_was_encoded() {
        Random random = new Random(42L);
        for (int n = 0; n < 2_000; n++) {
            List<Gs1Element> elements = randomElements(random);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < elements.size(); i++) {
                Gs1Element e = elements.get(i);
                expected.append(e.ai()).append(e.data());
                if (!e.predefinedLength() && i < elements.size() - 1) {
                    expected.append(GS);
                }
            }
            if (expected.length() > Gs1128Data.MAX_DATA_CHARACTERS) {
                continue;
            }
            String data = Gs1128Data.encode(elements);
            assertEquals(expected.toString(), decode(data), "round trip of " + elements + " via " + data);
            assertFalse(data.contains("^") || data.contains("~"), "no ZPL prefix in " + data);
        }
    }

    /** Interprets ZPL Code 128 field data (mode N) like the printer, failing on anything it would drop or misread. */
    static String decode(String data) {
        assertTrue(data.startsWith(">;>8"), "GS1-128 starts with start C and FNC1: " + data);
        StringBuilder out = new StringBuilder();
        boolean subsetC = true;
        for (int i = 4; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '>') {
                char code = data.charAt(++i);
                switch (code) {
                    case '8' -> out.append(GS);
                    case '6' -> subsetC = false;
                    case '5' -> subsetC = true;
                    case '<' -> out.append(subsetC ? fail("'><' in subset C: " + data) : ">");
                    default -> fail("unexpected invocation code >" + code + " in " + data);
                }
            } else if (subsetC) {
                assertTrue(i + 1 < data.length() && Character.isDigit(c) && Character.isDigit(data.charAt(i + 1)),
                    "subset C needs digit pairs at " + i + " of " + data);
                out.append(c).append(data.charAt(++i));
            } else {
                assertTrue(c >= 0x20 && c < 0x7F, "subset B character at " + i + " of " + data);
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<Gs1Element> randomElements(Random random) {
        List<Gs1Element> elements = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(5)) {
                case 0 -> elements.add(Gs1Element.of("01", gtin(random), "gtin"));
                case 1 -> elements.add(Gs1Element.of("10", cset82(random, 1 + random.nextInt(20)), "lot"));
                case 2 -> elements.add(Gs1Element.of("21", digitsOrLetters(random), "serial"));
                case 3 -> elements.add(Gs1Element.of("37", Integer.toString(1 + random.nextInt(99_999_999)), "n"));
                default -> elements.add(Gs1Element.of("17", String.format("%02d%02d%02d", random.nextInt(100),
                    1 + random.nextInt(12), random.nextInt(29)), "expiry"));
            }
        }
        return elements;
    }

    private static String gtin(Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            body.append(random.nextInt(10));
        }
        return body.append(AiLints.checkDigit(body)).toString();
    }

    private static String cset82(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(AiComponent.CSET82.charAt(random.nextInt(AiComponent.CSET82.length())));
        }
        return out.toString();
    }

    private static String digitsOrLetters(Random random) {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(4) == 0 ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
