package io.linehub.epc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code epc} command: decodes EPC hex given as arguments, or one per stdin line (bare or as a
 * JSON string), printing one compact JSON object per input.
 */
public final class EpcCommand {

    private static final JsonMapper JSON = JsonMapper.builder()
            // error messages echo input; escaping keeps the output ASCII on any terminal
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private EpcCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out));
    }

    /** Decodes every input and prints one JSON line each; 0 when every input decoded, 1 otherwise. */
    public static int run(String[] args, InputStream in, PrintStream out) {
        boolean allDecoded = true;
        if (args != null && args.length > 0) {
            for (String hex : args) {
                allDecoded &= print(out, EpcDecoder.decode(hex));
            }
            return allDecoded ? 0 : 1;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    allDecoded &= print(out, EpcDecoder.decode(unquote(line.strip())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return allDecoded ? 0 : 1;
    }

    /** The text of a JSON string literal, or the line itself when it is not one (bare hex). */
    private static String unquote(String line) {
        if (!line.startsWith("\"")) {
            return line;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isTextual() ? node.textValue() : line;
        } catch (JsonProcessingException e) {
            // an unterminated quote is then reported by the decoder as bad hex, with the input echoed
            return line;
        }
    }

    private static boolean print(PrintStream out, EpcResult result) {
        ObjectNode json = JSON.createObjectNode();
        boolean decoded = result instanceof EpcTag;
        if (result instanceof EpcTag tag) {
            json.put("scheme", tag.scheme());
            json.put("filter", tag.filter());
            json.put("uri", tag.uri());
            json.put("tagUri", tag.tagUri());
            putIfPresent(json, "gtin", tag.gtin());
            putIfPresent(json, "serial", tag.serial());
            putIfPresent(json, "sscc", tag.sscc());
            putIfPresent(json, "gln", tag.gln());
            putIfPresent(json, "extension", tag.extension());
            putIfPresent(json, "grai", tag.grai());
            putIfPresent(json, "giai", tag.giai());
        } else if (result instanceof EpcError error) {
            json.put("error", error.kind());
            json.put("message", error.message());
        }
        try {
            out.println(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return decoded;
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
