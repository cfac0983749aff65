package io.linehub.rfid;

/**
 * Limits and format switches for {@link TagReadParser}.
 *
 * @param maxPayloadBytes largest payload parsed at all; bigger ones are refused before any JSON work
 * @param maxReads        most elements accepted in one payload
 * @param impinjEpcIsHex  whether the Impinj {@code tagInventoryEvent.epc} field carries hex rather than base64url
 */
public record ParserOptions(int maxPayloadBytes, int maxReads, boolean impinjEpcIsHex) {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_READS = 10_000;

    public ParserOptions {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
        }
        if (maxReads < 1) {
            throw new IllegalArgumentException("maxReads must be positive: " + maxReads);
        }
    }

    /** 1 MB, 10,000 reads, Impinj {@code epc} as base64url (the reader's documented default). */
    public static ParserOptions defaults() {
        return new ParserOptions(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_READS, false);
    }

    public ParserOptions withMaxPayloadBytes(int bytes) {
        return new ParserOptions(bytes, maxReads, impinjEpcIsHex);
    }

    public ParserOptions withMaxReads(int reads) {
        return new ParserOptions(maxPayloadBytes, reads, impinjEpcIsHex);
    }

    public ParserOptions withImpinjEpcIsHex(boolean epcIsHex) {
        return new ParserOptions(maxPayloadBytes, maxReads, epcIsHex);
    }
}
