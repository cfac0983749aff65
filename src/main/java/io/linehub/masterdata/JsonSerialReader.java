package io.linehub.masterdata;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Streams the objects of a JSON array as rows, numbered by their 1-based array index. */
final class JsonSerialReader implements SerialRowSource {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of(GTIN, SERIAL, LOT, EXPIRY, STATUS, PRODUCT, REASON);

    private final Path spool;
    private final JsonParser parser;
    private int index;

    private JsonSerialReader(Path spool, JsonParser parser) {
        this.spool = spool;
        this.parser = parser;
    }

    /**
     * Spools the body to a temporary file and reads it twice: a malformed document must import nothing,
     * which a single streaming pass could only promise by holding the whole array in memory.
     */
    static JsonSerialReader open(InputStream body) throws IOException, RejectedInputException {
        Path spool = Files.createTempFile("linehub-serials-", ".json");
        try {
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            try (JsonSerialReader check = new JsonSerialReader(null, startArray(spool))) {
                while (check.next() != null) {
                    // reading is the check: the second pass meets exactly the same tokens
                }
            } catch (JsonProcessingException e) {
                throw new RejectedInputException("malformed JSON: " + e.getOriginalMessage() + where(e));
            }
            return new JsonSerialReader(spool, startArray(spool));
        } catch (IOException | RejectedInputException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
    }

    @Override
    public RawSerialRow next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            // trailing content makes the document malformed just like a syntax error does
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the JSON array");
            }
            return null;
        }
        if (token == null) {
            return null;
        }
        index++;
        JsonNode element = parser.readValueAsTree();
        if (element == null || !element.isObject()) {
            return RawSerialRow.broken(index, "array element is not a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : element.properties()) {
            String name = field.getKey().trim().toLowerCase(Locale.ROOT);
            JsonNode value = field.getValue();
            if (!KNOWN.contains(name) || value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                return RawSerialRow.broken(index, "field " + name + " must be a string, not " + value.getNodeType());
            }
            fields.put(name, value.asText());
        }
        return RawSerialRow.of(index, fields);
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        }
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (JSON line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static JsonParser startArray(Path spool) throws IOException, RejectedInputException {
        JsonParser parser = MAPPER.createParser(spool.toFile());
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new RejectedInputException("the body must be a JSON array of objects");
            }
            return parser;
        } catch (IOException | RejectedInputException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }
}
