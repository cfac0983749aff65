package io.linehub.rfid;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses one RFID reader payload (Zebra IoT Connector, Impinj IoT Device Interface or linehub's plain shape)
 * into normalized tag reads, reporting bad elements instead of throwing.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TagReadParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final ParserOptions options;
    private final ImpinjReadShape impinj;

    /** A parser with {@link ParserOptions#defaults()}. */
    public TagReadParser() {
        this(ParserOptions.defaults());
    }

    /** A parser with default limits that reads Impinj {@code epc} as hex when {@code impinjEpcIsHex} is set. */
    public TagReadParser(boolean impinjEpcIsHex) {
        this(ParserOptions.defaults().withImpinjEpcIsHex(impinjEpcIsHex));
    }

    public TagReadParser(ParserOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.impinj = new ImpinjReadShape(options.impinjEpcIsHex());
    }

    public ParserOptions options() {
        return options;
    }

    /**
     * Parses a payload; never throws.
     *
     * @param payload    the raw message body: one JSON object, an array of them, or several newline-separated
     * @param receivedAt when the hub received it, used for reads without a usable timestamp
     */
    public ReadBatch parse(byte[] payload, Instant receivedAt) {
        try {
            return parseChecked(payload, receivedAt == null ? Instant.now() : receivedAt);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug here must cost one payload, not the consumer route that called us
            return ReadBatch.refused("internal parser error: " + e.getClass().getSimpleName());
        }
    }

    private ReadBatch parseChecked(byte[] payload, Instant receivedAt) {
        if (payload == null) {
            return ReadBatch.refused("no payload");
        }
        if (payload.length > options.maxPayloadBytes()) {
            return ReadBatch.refused("payload of " + payload.length + " bytes exceeds the limit of "
                    + options.maxPayloadBytes() + " bytes");
        }
        if (isBlank(payload)) {
            // Impinj streams send a bare CR-LF every 30 s when idle
            return ReadBatch.keepAlive();
        }
        List<JsonNode> elements;
        try {
            elements = elements(payload);
        } catch (TooManyReads e) {
            return ReadBatch.refused("payload has more than " + options.maxReads() + " reads");
        } catch (IOException e) {
            return ReadBatch.refused("malformed JSON");
        }
        List<TagRead> reads = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        int heartbeats = 0;
        for (int index = 0; index < elements.size(); index++) {
            ElementOutcome outcome = readElement(elements.get(index), receivedAt);
            if (outcome instanceof ElementOutcome.Read read) {
                reads.add(read.read());
            } else if (outcome instanceof ElementOutcome.Rejected rejected) {
                problems.add(new ReadProblem(index, rejected.reason()));
            } else {
                heartbeats++;
            }
        }
        return new ReadBatch(reads, problems, heartbeats);
    }

    private ElementOutcome readElement(JsonNode element, Instant receivedAt) {
        if (!element.isObject()) {
            return new ElementOutcome.Rejected("not a JSON object");
        }
        try {
            // Impinj first: its events may carry an "epc" inside, never a top-level "data"
            if (ImpinjReadShape.matches(element)) {
                return impinj.read(element, receivedAt);
            }
            if (ZebraReadShape.matches(element)) {
                return ZebraReadShape.read(element, receivedAt);
            }
            if (PlainReadShape.matches(element)) {
                return PlainReadShape.read(element, receivedAt);
            }
        } catch (IllegalArgumentException e) {
            return new ElementOutcome.Rejected(e.getMessage());
        }
        return new ElementOutcome.Rejected("unrecognised read shape (no data, epc or eventType field)");
    }

    /**
     * Flattens the payload's top-level values into elements, counting as it goes so a huge array is refused
     * without building its whole tree.
     */
    private List<JsonNode> elements(byte[] payload) throws IOException {
        List<JsonNode> elements = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(payload)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    JsonToken inArray;
                    while ((inArray = parser.nextToken()) != JsonToken.END_ARRAY) {
                        if (inArray == null) {
                            throw new IOException("unterminated array");
                        }
                        add(elements, MAPPER.readTree(parser));
                    }
                } else {
                    add(elements, MAPPER.readTree(parser));
                }
            }
        }
        return elements;
    }

    private void add(List<JsonNode> elements, JsonNode element) throws TooManyReads {
        if (elements.size() >= options.maxReads()) {
            throw new TooManyReads();
        }
        elements.add(element == null ? NullNode.getInstance() : element);
    }

    private static boolean isBlank(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Signals the element limit from inside the streaming loop. */
    private static final class TooManyReads extends IOException {
        private static final long serialVersionUID = 1L;

        TooManyReads() {
            super(null, null);
        }
    }
}
