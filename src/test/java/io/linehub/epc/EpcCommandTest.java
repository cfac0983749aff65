package io.linehub.epc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code epc} command's JSON lines and exit status. */
class EpcCommandTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String SGTIN = "3074257BF7194E4000001A85";

    private int status;

    private List<String> run(String stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        status = EpcCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void argument_is_decoded_to_one_compact_json_line() throws Exception {
        List<String> lines = run("", SGTIN);
        assertEquals(1, lines.size(), "one input gives one line: " + lines);
        assertEquals("{\"scheme\":\"sgtin-96\",\"filter\":3,\"uri\":\"urn:epc:id:sgtin:0614141.812345.6789\","
                + "\"tagUri\":\"urn:epc:tag:sgtin-96:3.0614141.812345.6789\",\"gtin\":\"80614141123458\","
                + "\"serial\":\"6789\"}", lines.get(0), "the contract's JSON shape, fields only where present");
        assertEquals(0, status, "exit status when every input decoded");
    }

    @Test
    void filter_is_a_json_number() throws Exception {
        JsonNode node = JSON.readTree(run("", SGTIN).get(0));
        assertTrue(node.get("filter").isInt(), "filter should be a number: " + node);
        assertEquals(3, node.get("filter").intValue(), "filter value");
    }

    @Test
    void stdin_accepts_bare_hex_and_json_strings_and_skips_blank_lines() throws Exception {
        List<String> lines = run(SGTIN.toLowerCase() + "\n\n  \n\"3174257BF4499602D2000000\"\n");
        assertEquals(2, lines.size(), "blank lines are skipped: " + lines);
        assertEquals("80614141123458", JSON.readTree(lines.get(0)).get("gtin").textValue(), "bare hex line");
        assertEquals("106141412345678908", JSON.readTree(lines.get(1)).get("sscc").textValue(), "JSON string line");
        assertEquals(0, status, "exit status when every line decoded");
    }

    @Test
    void other_schemes_print_their_own_keys() throws Exception {
        JsonNode sgln = JSON.readTree(run("", "3236450FED64DC00000004D2").get(0));
        assertEquals("9520123456788", sgln.get("gln").textValue(), "SGLN prints gln");
        assertEquals("1234", sgln.get("extension").textValue(), "SGLN prints a non-zero extension");
        JsonNode grai = JSON.readTree(run("", "3374257BF40C0E400000162E").get(0));
        assertEquals("006141411234525678", grai.get("grai").textValue(), "GRAI prints grai");
        JsonNode giai = JSON.readTree(run("", "3474257BF40000000000162E").get(0));
        assertEquals("06141415678", giai.get("giai").textValue(), "GIAI prints giai");
        assertTrue(giai.get("gtin") == null && giai.get("serial") == null, "GIAI has no gtin/serial: " + giai);
    }

    @Test
    void undecodable_input_prints_error_and_exits_one() throws Exception {
        List<String> lines = run(SGTIN + "\nE28011606000020A6681F23F\n");
        assertEquals(2, lines.size(), "one line per input: " + lines);
        JsonNode error = JSON.readTree(lines.get(1));
        assertEquals("unsupported_header", error.get("error").textValue(), "error kind");
        assertTrue(error.get("message").textValue().contains("0xE2"), "message names the header: " + error);
        assertEquals(2, error.size(), "an error line has only error and message: " + error);
        assertEquals(1, status, "exit status when an input failed");
    }

    @Test
    void failing_argument_exits_one() {
        run("", "zz");
        assertEquals(1, status, "exit status for bad hex argument");
    }
}
