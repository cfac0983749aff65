package io.linehub.bench;

/**
 * One load run: {@code rate} scans/s (0 = flat out), {@code count} scans measured after {@code warmup} scans
 * that are sent and drained but not counted; scan n carries catalog serial {@code n % serials}.
 */
record LoadSpec(double rate, int count, int warmup, int serials) {

    /** Time allowed for the hub to deliver every event after the last send: generous, the hub may lag. */
    int drainSeconds() {
        return 120 + count / 500;
    }
}
