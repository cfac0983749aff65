package io.linehub.sim;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-memory (about 58 KB), thread-safe log-linear histogram of non-negative longs such as latencies in
 * microseconds: exact below 256, and within 0.4% above, because each power of two is split into 128 buckets.
 */
public final class LatencyHistogram {

    private static final int LINEAR_BITS = 8;
    private static final int LINEAR = 1 << LINEAR_BITS;
    private static final int SUB_BITS = LINEAR_BITS - 1;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int BUCKETS = LINEAR + (63 - LINEAR_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Records one value; negative values (clock skew) count as 0. */
    public void record(long value) {
        long v = Math.max(0, value);
        counts.incrementAndGet(bucket(v));
        total.incrementAndGet();
        sum.addAndGet(v);
        max.accumulateAndGet(v, Math::max);
    }

    public long count() {
        return total.get();
    }

    /** The largest value recorded, exactly; 0 when empty. */
    public long max() {
        return max.get();
    }

    public double mean() {
        long n = total.get();
        return n == 0 ? 0 : (double) sum.get() / n;
    }

    /**
     * The value below or at which {@code percent}% of the recorded values lie, e.g. {@code percentile(99.9)};
     * the midpoint of its bucket, never above {@link #max()}. 0 when empty.
     */
    public long percentile(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be within 0..100: " + percent);
        }
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * n));
        if (rank >= n) {
            return max.get();
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(midpoint(i), max.get());
            }
        }
        return max.get();
    }

    static int bucket(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v);
        int shift = magnitude - SUB_BITS;
        int sub = (int) (v >>> shift) - SUB_BUCKETS;
        return LINEAR + (magnitude - LINEAR_BITS) * SUB_BUCKETS + sub;
    }

    static long lowerBound(int bucket) {
        if (bucket < LINEAR) {
            return bucket;
        }
        int octave = (bucket - LINEAR) / SUB_BUCKETS;
        int sub = (bucket - LINEAR) % SUB_BUCKETS;
        int shift = octave + LINEAR_BITS - SUB_BITS;
        return (long) (SUB_BUCKETS + sub) << shift;
    }

    private static long midpoint(int bucket) {
        if (bucket < LINEAR) {
            return bucket;
        }
        int shift = (bucket - LINEAR) / SUB_BUCKETS + LINEAR_BITS - SUB_BITS;
        return lowerBound(bucket) + ((1L << shift) >> 1);
    }
}
