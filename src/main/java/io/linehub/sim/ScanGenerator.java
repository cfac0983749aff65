package io.linehub.sim;

import java.util.Random;

/**
 * The deterministic stream of scans one simulated scanner emits: the same seed, mix and serial range give the
 * same codes in the same order, whatever the timing.
 */
final class ScanGenerator {

    /** One generated scan. */
    record Scan(String code, ScanKind kind) {
    }

    private static final int RECENT = 32;

    private final Random random;
    private final ScanMix mix;
    private final int firstSerial;
    private final int serialCount;
    private final String[] recentGood = new String[RECENT];
    private int recentCount;
    private int recentNext;
    private int nextGood;

    /**
     * Good scans walk the catalog serials {@code firstSerial .. firstSerial + serialCount - 1} in order, each once;
     * after that they wrap around and the hub sees repeats. Give concurrent simulators disjoint ranges.
     */
    ScanGenerator(long seed, ScanMix mix, int firstSerial, int serialCount) {
        if (firstSerial < 0 || serialCount < 1) {
            throw new IllegalArgumentException("bad serial range " + firstSerial + " + " + serialCount);
        }
        this.random = new Random(seed);
        this.mix = mix;
        this.firstSerial = firstSerial;
        this.serialCount = serialCount;
    }

    Scan next() {
        ScanKind kind = mix.pick(random.nextDouble());
        switch (kind) {
            case UNKNOWN_SERIAL:
                return new Scan(DemoCatalog.unknownSerialCode(random.nextInt(100_000_000)), kind);
            case MISMATCH:
                return new Scan(DemoCatalog.mismatchCode(firstSerial + random.nextInt(serialCount)), kind);
            case GARBAGE:
                return new Scan(DemoCatalog.garbage(random), kind);
            case REPEAT:
                if (recentCount > 0) {
                    return new Scan(recentGood[random.nextInt(recentCount)], kind);
                }
                return good();
            default:
                return good();
        }
    }

    private Scan good() {
        String code = DemoCatalog.goodCode(firstSerial + nextGood);
        nextGood = (nextGood + 1) % serialCount;
        recentGood[recentNext] = code;
        recentNext = (recentNext + 1) % RECENT;
        recentCount = Math.min(recentCount + 1, RECENT);
        return new Scan(code, ScanKind.GOOD);
    }
}
