package io.linehub.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code parse} command: argument and stdin JSON-line modes, output shape and exit status. */
class ParseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock IN_2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String PACK = "]d201095011015300031727053110ABC123\u001d21XYZ987";

    private record Run(int status, List<String> lines) {
        JsonNode json(int line) throws Exception {
            return JSON.readTree(lines.get(line));
        }
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status = ParseCommand.run(args, in, new PrintStream(bytes, true, StandardCharsets.UTF_8), IN_2025);
        String out = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        return new Run(status, lines);
    }

    @Test
    void should_decode_one_scan_given_as_argument_into_named_fields() throws Exception {
        Run run = run("", PACK);
        assertEquals(0, run.status(), "a valid scan exits 0");
        assertEquals(1, run.lines().size(), "one JSON line per scan");
        JsonNode json = run.json(0);
        assertEquals("[[\"01\",\"09501101530003\"],[\"17\",\"270531\"],[\"10\",\"ABC123\"],[\"21\",\"XYZ987\"]]",
                json.get("ais").toString(), "ais are [AI, value] pairs in scan order");
        assertEquals("09501101530003", json.get("gtin").asText(), "gtin");
        assertEquals("XYZ987", json.get("serial").asText(), "serial");
        assertEquals("ABC123", json.get("lot").asText(), "lot");
        assertEquals("2027-05-31", json.get("expiry").asText(), "expiry as an ISO date");
        assertEquals("(01)09501101530003(17)270531(10)ABC123(21)XYZ987", json.get("hri").asText(), "hri");
        assertEquals("01095011015300031727053110ABC123\u001d21XYZ987", json.get("elementString").asText(), "element string");
        assertFalse(json.has("sscc"), "no sscc field when the scan has no AI (00)");
        assertFalse(json.has("error"), "no error field on success");
    }

    @Test
    void should_print_compact_json_with_the_fields_in_contract_order() throws Exception {
        Run run = run("", "]C100106141412345678908");
        String line = run.lines().get(0);
        assertFalse(line.contains(" ") || line.contains("\n"), "compact, one line: " + line);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = run.json(0).fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertEquals(List.of("ais", "sscc", "hri", "elementString"), names, "named fields only where present, ais first");
    }

    @Test
    void should_report_a_bad_scan_as_an_error_object_and_exit_1() throws Exception {
        Run run = run("", "]d201095011015300041727053110ABC123\u001d21XYZ987");
        assertEquals(1, run.status(), "an invalid scan exits 1");
        JsonNode json = run.json(0);
        assertEquals("bad_check_digit", json.get("error").asText(), "error kind");
        assertTrue(json.get("message").asText().contains("(01)"), "message names the AI: " + json.get("message"));
        assertEquals(2, json.size(), "an error object has only error and message");
    }

    @Test
    void should_treat_each_argument_as_literal_characters() throws Exception {
        Run run = run("", "(01)09501101530003(10)AB\\u001d");
        assertEquals(1, run.status(), "a literal backslash-u in an argument is data, not an escape");
        assertEquals("bad_charset", run.json(0).get("error").asText(), "'\\' is not in CSET 82");
    }

    @Test
    void should_read_one_json_string_per_stdin_line_and_skip_blank_lines() throws Exception {
        String stdin = "\"]d201095011015300031727053110ABC123\\u001d21XYZ987\\r\"\n\n   \n\"(00)106141412345678908\"\n";
        Run run = run(stdin);
        assertEquals(0, run.status(), "all scans parsed");
        assertEquals(2, run.lines().size(), "blank lines produce no output");
        assertEquals("XYZ987", run.json(0).get("serial").asText(), "\\u001d decoded to GS, \\r suffix stripped");
        assertEquals("106141412345678908", run.json(1).get("sscc").asText(), "second line decoded");
    }

    @Test
    void should_answer_bad_input_for_a_line_that_is_not_a_json_string() throws Exception {
        Run run = run("]d2010950110153000321XYZ\n42\n\"unterminated\n\"a\" \"b\"\n\"(01)09501101530003\"\n");
        assertEquals(1, run.status(), "bad input lines make the exit status 1");
        assertEquals(5, run.lines().size(), "one output line per non-blank input line");
        for (int i = 0; i < 4; i++) {
            assertEquals("bad_input", run.json(i).get("error").asText(), "line " + (i + 1) + " is not one JSON string");
            assertTrue(run.json(i).has("message"), "bad_input explains itself");
        }
        assertEquals("09501101530003", run.json(4).get("gtin").asText(), "later good lines still parse");
    }

    @Test
    void should_exit_0_with_no_output_for_empty_stdin() {
        Run run = run("");
        assertEquals(0, run.status(), "no scans, nothing failed");
        assertEquals(List.of(), run.lines(), "no output");
    }

    @Test
    void should_exit_1_when_any_of_several_scans_fails() throws Exception {
        Run run = run("\"(01)09501101530003\"\n\"]d1HELLO\"\n");
        assertEquals(1, run.status(), "one failure is enough for exit 1");
        assertEquals("not_gs1", run.json(1).get("error").asText(), "plain Data Matrix is not GS1");
    }
}
