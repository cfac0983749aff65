package io.linehub.epc;

import java.math.BigInteger;

/** Appends MSB-first fields to a binary EPC and renders it as upper-case hex. */
final class BitWriter {

    private BigInteger bits = BigInteger.ZERO;
    private int length;

    /** The caller guarantees {@code value < 2^width}; encoder range checks come first. */
    BitWriter put(BigInteger value, int width) {
        bits = bits.shiftLeft(width).or(value);
        length += width;
        return this;
    }

    BitWriter put(long value, int width) {
        return put(BigInteger.valueOf(value), width);
    }

    /** The bits padded with zeros to {@code digits} hex digits. */
    String toHex(int digits) {
        BigInteger padded = bits.shiftLeft(digits * 4 - length);
        String hex = padded.toString(16).toUpperCase();
        return "0".repeat(digits - hex.length()) + hex;
    }
}
