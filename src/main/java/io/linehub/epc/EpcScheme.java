package io.linehub.epc;

import java.util.Arrays;
import java.util.Optional;

/** The binary EPC schemes the hub decodes, with the layout facts that are not partition data. */
enum EpcScheme {
    SGTIN_96(0x30, "sgtin-96", "sgtin", 96, 44, Remainder.INTEGER_SERIAL),
    SSCC_96(0x31, "sscc-96", "sscc", 96, 58, Remainder.RESERVED),
    SGLN_96(0x32, "sgln-96", "sgln", 96, 41, Remainder.EXTENSION),
    GRAI_96(0x33, "grai-96", "grai", 96, 44, Remainder.INTEGER_SERIAL),
    GIAI_96(0x34, "giai-96", "giai", 96, 82, Remainder.NONE),
    SGTIN_198(0x36, "sgtin-198", "sgtin", 198, 44, Remainder.STRING_SERIAL);

    /** Bits before the company prefix: header 8, filter 3, partition 3. */
    static final int PREFIX_BITS = 14;

    final int header;
    final String tagName;
    final String family;
    final int bits;
    final int cpAndRefBits;
    final Remainder remainder;

    EpcScheme(int header, String tagName, String family, int bits, int cpAndRefBits, Remainder remainder) {
        this.header = header;
        this.tagName = tagName;
        this.family = family;
        this.bits = bits;
        this.cpAndRefBits = cpAndRefBits;
        this.remainder = remainder;
    }

    static Optional<EpcScheme> byHeader(int header) {
        return Arrays.stream(values()).filter(s -> s.header == header).findFirst();
    }

    static Optional<EpcScheme> byTagName(String name) {
        return Arrays.stream(values()).filter(s -> s.tagName.equalsIgnoreCase(name)).findFirst();
    }

    /** Hex digits of the binary padded to a nibble (SGTIN-198: 200 bits = 50 digits). */
    int hexDigits() {
        return (bits + 3) / 4;
    }

    /** Gen2 readers return whole 16-bit words, so SGTIN-198 also arrives as 208 bits = 52 digits. */
    boolean acceptsHexDigits(int digits) {
        return digits == hexDigits() || digits == ((bits + 15) / 16) * 4;
    }

    /** Whether the reference is a zero-padded digit string (all but GIAI, whose reference is an integer). */
    boolean paddedReference() {
        return remainder != Remainder.NONE;
    }

    /** Whether the pure identity URI has a third component (serial or extension). */
    boolean hasThirdComponent() {
        return remainder != Remainder.RESERVED && remainder != Remainder.NONE;
    }
}
