package io.linehub.epc;

import java.math.BigInteger;

/** Reads consecutive MSB-first fields from a binary EPC held as one big integer. */
final class BitReader {

    private final BigInteger bits;
    private final int length;
    private int position;

    BitReader(BigInteger bits, int length) {
        this.bits = bits;
        this.length = length;
    }

    BigInteger next(int width) {
        BigInteger field = bits.shiftRight(length - position - width).and(mask(width));
        position += width;
        return field;
    }

    int nextInt(int width) {
        return next(width).intValueExact();
    }

    /** True when every bit not read yet is zero (reserved and padding bits). */
    boolean restIsZero() {
        return bits.and(mask(length - position)).signum() == 0;
    }

    private static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }
}
