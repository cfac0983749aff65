package io.linehub.ops;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events per second over the last {@value #SECONDS} whole seconds: a small ring of per-second counters, so
 * counting costs two atomic reads and an add, with nothing allocated.
 */
public final class RecentRate {

    static final int SECONDS = 10;
    private static final int SLOTS = SECONDS + 2;

    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);
    private final AtomicLongArray stamps = new AtomicLongArray(SLOTS);

    public void add(long epochSecond) {
        int slot = (int) (epochSecond % SLOTS);
        long stamp = stamps.get(slot);
        if (stamp != epochSecond && stamps.compareAndSet(slot, stamp, epochSecond)) {
            // the slot last held a second that has left the window; a count racing this reset is lost, which a
            // rate for people can afford
            counts.set(slot, 0);
        }
        counts.incrementAndGet(slot);
    }

    /** The average over the last complete seconds (the running second is left out: it is not over). */
    public double perSecond(long nowEpochSecond) {
        long sum = 0;
        for (int i = 0; i < SLOTS; i++) {
            long age = nowEpochSecond - stamps.get(i);
            if (age >= 1 && age <= SECONDS) {
                sum += counts.get(i);
            }
        }
        return sum / (double) SECONDS;
    }
}
