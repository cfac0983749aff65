package io.linehub.epcis;

import java.nio.charset.StandardCharsets;

/** Percent-escaping of data placed into identifier URIs, by the rules of the URI scheme it goes into. */
final class UriComponents {

    /** TDS GS3A3 characters that stand for themselves in an EPC URI component; {@code " % & / < > ?} do not. */
    private static final String EPC_LITERAL_PUNCTUATION = "!'()*+,-.:;=_";
    /** GS1 Digital Link generators escape everything but RFC 3986 unreserved characters. */
    private static final String DIGITAL_LINK_LITERAL_PUNCTUATION = "-._~";

    private UriComponents() {
    }

    /** A serial or SGLN extension as it appears in a pure-identity URI, e.g. {@code 32a/b} becomes {@code 32a%2Fb}. */
    static String epcComponent(String value) {
        return escape(value, EPC_LITERAL_PUNCTUATION);
    }

    /** A value as it appears in a Digital Link path segment. */
    static String digitalLinkValue(String value) {
        return escape(value, DIGITAL_LINK_LITERAL_PUNCTUATION);
    }

    private static String escape(String value, String literalPunctuation) {
        StringBuilder out = new StringBuilder(value.length());
        // bytes, not chars: anything outside ASCII must become its UTF-8 escapes to keep the URI valid
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAsciiAlphanumeric(c) || (c < 128 && literalPunctuation.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
