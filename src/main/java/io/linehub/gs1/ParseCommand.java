package io.linehub.gs1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The {@code parse} command for plant IT: decodes scans without a running hub and prints one JSON
 * object per scan. Each argument is one scan, taken literally; without arguments each stdin line
 * is one scan written as a JSON string literal (so GS is {@code \u001d}).
 */
public final class ParseCommand {

    private static final JsonMapper JSON = JsonMapper.builder()
            // a raw GS pasted inside the quotes is accepted as well as the escaped form
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // scans are ASCII; escaping the rest keeps output readable on any terminal
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private ParseCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out));
    }

    /** Parses the scans, prints one JSON line each; 0 when every scan parsed, 1 otherwise. */
    public static int run(String[] args, InputStream in, PrintStream out) {
        return run(args, in, out, Clock.systemDefaultZone());
    }

    static int run(String[] args, InputStream in, PrintStream out, Clock clock) {
        Gs1Parser parser = new Gs1Parser(clock);
        boolean allParsed = true;
        if (args.length > 0) {
            for (String scan : args) {
                allParsed &= print(out, result(parser.parse(scan), clock));
            }
            return allParsed ? 0 : 1;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String scan = decodeLine(line);
                ObjectNode json = scan == null
                        ? error("bad_input", "line is not a JSON string literal: " + Printable.of(line))
                        : result(parser.parse(scan), clock);
                allParsed &= print(out, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return allParsed ? 0 : 1;
    }

    /** The scan a stdin line holds, or null when the line is not exactly one JSON string. */
    private static String decodeLine(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isTextual() ? node.textValue() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static ObjectNode result(ParseResult result, Clock clock) {
        if (result instanceof Gs1Error e) {
            return error(e.kind(), e.message());
        }
        Gs1Data data = (Gs1Data) result;
        ObjectNode json = JSON.createObjectNode();
        ArrayNode ais = json.putArray("ais");
        data.ais().forEach(element -> ais.addArray().add(element.ai()).add(element.value()));
        putIfPresent(json, "gtin", data.gtin());
        putIfPresent(json, "serial", data.serial());
        putIfPresent(json, "lot", data.lot());
        LocalDate expiry = data.expiry(clock);
        putIfPresent(json, "expiry", expiry == null ? null : expiry.toString());
        putIfPresent(json, "sscc", data.sscc());
        json.put("hri", data.hri());
        json.put("elementString", data.elementString());
        return json;
    }

    private static ObjectNode error(String kind, String message) {
        ObjectNode json = JSON.createObjectNode();
        json.put("error", kind);
        json.put("message", message);
        return json;
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    /** Prints one JSON line; true when it reports parsed data rather than an error. */
    private static boolean print(PrintStream out, ObjectNode json) {
        try {
            out.println(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
        out.flush();
        return !json.has("error");
    }
}
