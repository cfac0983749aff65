package io.linehub.epc;

import java.math.BigInteger;
import java.util.Optional;

/** Decodes EPC bank hex (SGTIN-96/198, SSCC-96, SGLN-96, GRAI-96, GIAI-96) into an {@link EpcResult}. */
public final class EpcDecoder {

    /** Inputs are echoed in messages; a cap keeps a pasted megabyte from flooding the output. */
    private static final int ECHO_LIMIT = 64;
    private static final int CHAR_BITS = 7;

    private EpcDecoder() {
    }

    /** Decodes upper- or lower-case hex; surrounding whitespace is ignored. Never throws. */
    public static EpcResult decode(String hex) {
        if (hex == null || hex.isBlank()) {
            return new EpcError(EpcError.WRONG_LENGTH, "no EPC hex given");
        }
        String digits = hex.strip();
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0 || digits.charAt(i) > 'f') {
                return new EpcError(EpcError.BAD_HEX, "character " + describe(digits.charAt(i)) + " at position "
                        + (i + 1) + " is not a hex digit in " + echo(digits));
            }
        }
        if (digits.length() < 2) {
            return new EpcError(EpcError.WRONG_LENGTH, digits.length() + " hex digit is too short for an EPC header");
        }
        int header = Integer.parseInt(digits.substring(0, 2), 16);
        Optional<EpcScheme> scheme = EpcScheme.byHeader(header);
        if (scheme.isEmpty()) {
            return new EpcError(EpcError.UNSUPPORTED_HEADER, String.format(
                    "header 0x%02X is not an EPC scheme the hub decodes (SGTIN-96/198, SSCC-96, SGLN-96, GRAI-96,"
                            + " GIAI-96)%s", header, header == 0 ? "; the tag looks unprogrammed" : ""));
        }
        EpcScheme s = scheme.get();
        if (!s.acceptsHexDigits(digits.length())) {
            return new EpcError(EpcError.WRONG_LENGTH, digits.length() + " hex digits for " + s.tagName
                    + " (expected " + s.hexDigits() + (s.bits % 16 == 0 ? "" : " or " + (s.bits + 15) / 16 * 4) + ")");
        }
        // the tag keeps the canonical hex: a 52-digit word-aligned SGTIN-198 read ends in two more (zero, checked
        // below) digits than the 50 an encoder writes, and the decoded tag must re-encode to its own hex
        return decode(s, new BigInteger(digits, 16), digits.length() * 4,
                digits.substring(0, s.hexDigits()).toUpperCase());
    }

    private static EpcResult decode(EpcScheme scheme, BigInteger value, int length, String hex) {
        BitReader bits = new BitReader(value, length);
        bits.next(8);
        int filter = bits.nextInt(3);
        int partitionValue = bits.nextInt(3);
        Optional<Partition> found = PartitionTable.standard().byValue(scheme.family, partitionValue);
        if (found.isEmpty()) {
            return new EpcError(EpcError.BAD_PARTITION, "partition " + partitionValue + " is invalid for "
                    + scheme.tagName);
        }
        Partition p = found.get();
        BigInteger cp = bits.next(p.cpBits());
        BigInteger ref = bits.next(p.refBits());
        if (!fits(cp, p.cpDigits())) {
            return outOfRange("company prefix", cp, p.cpDigits(), p.value());
        }
        if (!fits(ref, p.refDigits())) {
            return outOfRange(referenceName(scheme), ref, p.refDigits(), p.value());
        }
        String reference = scheme.paddedReference() ? pad(ref, p.refDigits()) : ref.toString();
        String third;
        switch (scheme.remainder) {
            case INTEGER_SERIAL, EXTENSION -> third = bits.next(scheme.remainder.bits).toString();
            case STRING_SERIAL -> {
                SerialOrError serial = stringSerial(bits);
                if (serial.error() != null) {
                    return serial.error();
                }
                third = serial.text();
            }
            default -> third = null;
        }
        // SSCC-96's 24 reserved bits and the pad bits after SGTIN-198's 198 are written as zero (STANDARDS.md 2.2/2.5).
        // Ignoring them made different bit patterns decode to one tag whose URI re-encodes to other hex, so
        // "decode, then encode" changed the EPC; a pattern no encoder writes is reported, not guessed at.
        if (!bits.restIsZero()) {
            return new EpcError(EpcError.FIELD_OUT_OF_RANGE, scheme.remainder == Remainder.RESERVED
                    ? "the 24 reserved bits of " + scheme.tagName + " are not zero"
                    : "the padding bits after the " + scheme.bits + "-bit " + scheme.tagName + " are not zero");
        }
        return new EpcFields(scheme, filter, pad(cp, p.cpDigits()), reference, third).toTag(hex);
    }

    private static SerialOrError stringSerial(BitReader bits) {
        StringBuilder serial = new StringBuilder();
        boolean ended = false;
        for (int i = 0; i < Remainder.STRING_SERIAL.bits / CHAR_BITS; i++) {
            int c = bits.nextInt(CHAR_BITS);
            if (c == 0) {
                ended = true;
            } else if (ended) {
                return SerialOrError.of(EpcError.BAD_CHARSET, "SGTIN-198 serial has characters after its"
                        + " terminating zero (position " + (i + 1) + ")");
            } else if (!Cset82.contains(c)) {
                return SerialOrError.of(EpcError.BAD_CHARSET, "SGTIN-198 serial character " + describe((char) c)
                        + " at position " + (i + 1) + " is not in GS1 character set 82");
            } else {
                serial.append((char) c);
            }
        }
        if (serial.length() == 0) {
            return SerialOrError.of(EpcError.EMPTY_SERIAL, "SGTIN-198 serial is empty (all serial bits are zero)");
        }
        return new SerialOrError(serial.toString(), null);
    }

    private static String referenceName(EpcScheme scheme) {
        return switch (scheme.family) {
            case "sgtin" -> "item reference";
            case "sscc" -> "serial reference";
            case "sgln" -> "location reference";
            case "grai" -> "asset type";
            default -> "individual asset reference";
        };
    }

    private static EpcError outOfRange(String field, BigInteger value, int digits, int partition) {
        return new EpcError(EpcError.FIELD_OUT_OF_RANGE, "partition " + partition + ": " + field + " value "
                + value + " >= 10^" + digits);
    }

    private static boolean fits(BigInteger value, int digits) {
        return value.compareTo(BigInteger.TEN.pow(digits)) < 0;
    }

    private static String pad(BigInteger value, int digits) {
        // A field of 0 digits (SGLN/GRAI partition 0: a 12-digit prefix leaves no reference digits) is empty; fits()
        // has made sure its value is 0. Rendering that 0 as "0" added a digit to the GLN/GRAI and broke the URI.
        if (digits == 0) {
            return "";
        }
        String text = value.toString();
        return digits > text.length() ? "0".repeat(digits - text.length()) + text : text;
    }

    static String describe(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    static String echo(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "... (" + text.length()
                + " characters)";
    }

    /** A decoded SGTIN-198 serial or why it is invalid; never leaves this class. */
    private record SerialOrError(String text, EpcError error) {
        static SerialOrError of(String kind, String message) {
            return new SerialOrError(null, new EpcError(kind, message));
        }
    }
}
