package io.linehub.sim;

/** The share of each {@link ScanKind} a scanner simulator emits; weights need not add up to 1. */
public record ScanMix(double good, double unknownSerial, double mismatch, double garbage, double repeat) {

    /** 80% good, 5% each of unknown serial, mismatch, garbage and repeat. */
    public static final ScanMix DEFAULT = new ScanMix(0.80, 0.05, 0.05, 0.05, 0.05);
    /** Only good scans, for throughput runs. */
    public static final ScanMix ALL_GOOD = new ScanMix(1, 0, 0, 0, 0);

    public ScanMix {
        if (good < 0 || unknownSerial < 0 || mismatch < 0 || garbage < 0 || repeat < 0) {
            throw new IllegalArgumentException("scan mix weights must not be negative: " + this);
        }
        if (good + unknownSerial + mismatch + garbage + repeat <= 0) {
            throw new IllegalArgumentException("scan mix needs at least one positive weight");
        }
    }

    /** The kind at {@code point}, a uniform draw from [0, 1). */
    ScanKind pick(double point) {
        double x = point * (good + unknownSerial + mismatch + garbage + repeat);
        if ((x -= good) < 0) {
            return ScanKind.GOOD;
        }
        if ((x -= unknownSerial) < 0) {
            return ScanKind.UNKNOWN_SERIAL;
        }
        if ((x -= mismatch) < 0) {
            return ScanKind.MISMATCH;
        }
        if ((x -= garbage) < 0) {
            return ScanKind.GARBAGE;
        }
        return repeat > 0 ? ScanKind.REPEAT : lastPositive();
    }

    // rounding can leave x a hair above the last weight; land on the last kind that can occur
    private ScanKind lastPositive() {
        if (garbage > 0) {
            return ScanKind.GARBAGE;
        }
        if (mismatch > 0) {
            return ScanKind.MISMATCH;
        }
        return unknownSerial > 0 ? ScanKind.UNKNOWN_SERIAL : ScanKind.GOOD;
    }
}
