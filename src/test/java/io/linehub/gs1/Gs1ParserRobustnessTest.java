package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and degenerate input: the parser answers every scan with a result, never an exception, in linear time. */
class Gs1ParserRobustnessTest {

    private static final int BIG = 100_000;
    /** Message prefix of the parser's last-resort catch: a result, but a bug. */
    private static final String UNREADABLE = "unreadable scan";
    private final Gs1Parser parser = new Gs1Parser();

    private ParseResult parse(String raw) {
        ParseResult result = parser.parse(raw);
        assertNotNull(result, "parse must always return a result");
        return result;
    }

    private void assertError(String kind, String raw, String why) {
        ParseResult result = parse(raw);
        assertEquals(kind, result instanceof Gs1Error e ? e.kind() : "ok: " + result, why);
    }

    @Test
    void should_answer_no_data_for_null_empty_and_suffix_only_input() {
        assertError(Gs1Error.NO_DATA, null, "null scan");
        assertError(Gs1Error.NO_DATA, "", "empty scan");
        assertError(Gs1Error.NO_DATA, "\r\n", "only a scanner suffix");
        assertError(Gs1Error.NO_DATA, "]d2", "only a symbology identifier");
        assertError(Gs1Error.NO_DATA, "]d2\r", "identifier and suffix");
        assertError(Gs1Error.NO_DATA, "\u001d", "only a GS (FNC1-in-first) is stripped, leaving nothing");
    }

    @Test
    void should_reject_stray_separators_and_half_identifiers() {
        assertError(Gs1Error.UNEXPECTED_SEPARATOR, "\u001d\u001d", "GS where an AI is expected");
        assertError(Gs1Error.UNEXPECTED_SEPARATOR, "]d2\u001d", "GS right after ]d2");
        assertError(Gs1Error.UNSUPPORTED_SYMBOLOGY, "]", "a lone ]");
        assertError(Gs1Error.UNSUPPORTED_SYMBOLOGY, "]d", "an incomplete identifier");
        assertError(Gs1Error.HRI_SYNTAX, "(", "a lone parenthesis");
        assertError(Gs1Error.DL_NO_PRIMARY_KEY, "https://", "a bare scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits", "lot", "gtins", "separators", "hri", "dl-path", "dl-query", "parens"})
    void should_handle_100k_character_input_quickly(String shape) {
        String big = switch (shape) {
            case "digits" -> "]d2" + "1".repeat(BIG);
            case "lot" -> "]d20109501101530003" + "10" + "A".repeat(BIG);
            case "gtins" -> "]d2" + "0109501101530003".repeat(BIG / 16);
            case "separators" -> "]d2" + "10A\u001d".repeat(BIG / 4);
            case "hri" -> "(01)09501101530003" + "(10)A".repeat(BIG / 5);
            case "dl-path" -> "https://id.gs1.org" + "/10/A".repeat(BIG / 5) + "/01/09501101530003";
            case "dl-query" -> "https://id.gs1.org/01/09501101530003?" + "x=1&".repeat(BIG / 4);
            default -> "(".repeat(BIG);
        };
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse(big), shape + " must finish in linear time");
    }

    @Test
    void should_always_return_a_result_for_20000_random_inputs() {
        Random random = new Random(20_241_121L);
        String[] prefixes = {"", "]d2", "]C1", "]Q1", "]Q3", "]e0", "]E0", "]E4", "(", "(01)", "https://id.gs1.org/",
            "\u001d", "01", "8006", "https://x/01/"};
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 20_000; i++) {
                StringBuilder scan = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
                int length = random.nextInt(64);
                for (int j = 0; j < length; j++) {
                    // mostly digits and GS so that the parser gets deep into AI data, plus any byte at all
                    int pick = random.nextInt(10);
                    scan.append(pick < 5 ? (char) ('0' + random.nextInt(10)) : pick < 6 ? '\u001d'
                            : pick < 7 ? "()/?=&%+".charAt(random.nextInt(8)) : (char) random.nextInt(256));
                }
                ParseResult result = parser.parse(scan.toString());
                assertNotNull(result, "result for random input #" + i);
                if (result instanceof Gs1Error error) {
                    assertFalse(error.message().startsWith(UNREADABLE),
                            "random input #" + i + " hit an internal exception: " + error.message());
                } else {
                    Gs1Data data = (Gs1Data) result;
                    assertNotNull(data.elementString(), "element string for random input #" + i);
                    assertNotNull(data.hri(), "hri for random input #" + i);
                }
            }
        }, "20,000 random scans must finish fast");
    }

    @Test
    void should_survive_binary_garbage_and_unicode() {
        assertNotNull(parse("\u0000\u0001\u00ff\ud800"), "control bytes and a lone surrogate");
        assertNotNull(parse("]d2\ud83d\ude00"), "emoji after ]d2");
        assertNotNull(parse("https://id.gs1.org/01/%E2%82%AC"), "percent-encoded euro sign");
        assertNotNull(parse("https://id.gs1.org/01/%"), "truncated percent escape");
    }
}
