package io.linehub.epc;

/** What follows the company prefix and reference in a binary layout, and how many bits it takes. */
enum Remainder {
    /** SGTIN-96 / GRAI-96 serial: an integer without leading zeros. */
    INTEGER_SERIAL(38),
    /** SGTIN-198 serial: up to 20 seven-bit CSET 82 characters, zero padded. */
    STRING_SERIAL(140),
    /** SGLN-96 extension: an integer, 0 meaning no extension. */
    EXTENSION(41),
    /** SSCC-96: reserved bits, written as zero. */
    RESERVED(24),
    /** GIAI-96: the reference fills the tag. */
    NONE(0);

    final int bits;

    Remainder(int bits) {
        this.bits = bits;
    }
}
