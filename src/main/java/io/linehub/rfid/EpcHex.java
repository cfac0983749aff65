package io.linehub.rfid;

import java.util.Base64;
import java.util.Locale;

/** Validates and normalizes EPC values to upper-case hex, including the base64url form Impinj readers emit. */
public final class EpcHex {

    /** Shortest EPC accepted: 32 bits, below which a value is almost certainly a truncated read. */
    public static final int MIN_HEX_DIGITS = 8;
    /** Longest EPC a Gen2 tag can hold: the PC word's 5-bit length field allows 31 words, 496 bits. */
    public static final int MAX_HEX_DIGITS = 124;

    private EpcHex() {
    }

    /**
     * Returns the EPC in upper case.
     *
     * @throws IllegalArgumentException if the value is not 8 to 124 hex digits of even count
     */
    public static String normalize(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("EPC is missing");
        }
        int length = hex.length();
        if (length < MIN_HEX_DIGITS || length > MAX_HEX_DIGITS) {
            throw new IllegalArgumentException("EPC must have " + MIN_HEX_DIGITS + " to " + MAX_HEX_DIGITS
                    + " hex digits, got " + length);
        }
        if (length % 2 != 0) {
            throw new IllegalArgumentException("EPC has an odd number of hex digits: " + length);
        }
        for (int i = 0; i < length; i++) {
            if (!isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException("EPC is not hex: " + abbreviate(hex));
            }
        }
        return hex.toUpperCase(Locale.ROOT);
    }

    /**
     * Decodes a base64url EPC (padding optional) into upper-case hex.
     *
     * @throws IllegalArgumentException if the value is not base64 or does not decode to a valid EPC
     */
    public static String fromBase64Url(String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("EPC is missing");
        }
        // some firmware and hand-written simulators use the standard alphabet; both map to the same bytes
        String urlAlphabet = base64.replace('+', '-').replace('/', '_');
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(urlAlphabet);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EPC is not base64url: " + abbreviate(base64));
        }
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return normalize(hex.toString());
    }

    // Character.digit would also accept non-ASCII digits such as fullwidth forms, which no reader sends
    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
