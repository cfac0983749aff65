package io.linehub.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a scanner payload: the barcode as the scanner emits it, or JSON {@code {"data": "...", "ts": "..."}}.
 * Never throws: an unreadable payload comes back with the reason, to be rejected as INVALID_BARCODE.
 */
public final class ScanPayload {

    /** Text read from a payload, or why it could not be read. */
    public record Content(String data, Instant deviceTime, String error) {
    }

    private final ObjectMapper json;
    private final int maxBytes;

    public ScanPayload(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    public Content read(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return new Content(null, null, "empty payload");
        }
        if (payload.length > maxBytes) {
            return new Content(null, null, "payload of " + payload.length + " bytes exceeds " + maxBytes);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return new Content(null, null, "payload is not UTF-8 text");
        }
        return startsLikeJson(text) ? readJson(text) : new Content(text, null, null);
    }

    private static boolean startsLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private Content readJson(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (Exception e) {
            return new Content(null, null, "malformed JSON payload");
        }
        JsonNode data = node == null ? null : node.get("data");
        if (data == null || !data.isTextual()) {
            return new Content(null, null, "JSON payload without a \"data\" string");
        }
        JsonNode ts = node.get("ts");
        if (ts == null || ts.isNull()) {
            return new Content(data.asText(), null, null);
        }
        try {
            return new Content(data.asText(), OffsetDateTime.parse(ts.asText()).toInstant(), null);
        } catch (DateTimeParseException e) {
            return new Content(null, null, "JSON payload with an unreadable \"ts\": not ISO-8601 with offset");
        }
    }
}
