package io.linehub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinOnePercentOfTheExactValues() {
        LatencyHistogram histogram = new LatencyHistogram();
        Random random = new Random(42);
        long[] values = new long[200_000];
        for (int i = 0; i < values.length; i++) {
            // log-uniform from 1 µs to about 100 s, like latencies with a long tail
            values[i] = (long) Math.exp(random.nextDouble() * Math.log(100_000_000));
            histogram.record(values[i]);
        }
        Arrays.sort(values);

        for (double p : new double[] {1, 50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            long estimate = histogram.percentile(p);
            assertTrue(Math.abs(estimate - exact) <= Math.max(1, exact / 100),
                    "p" + p + " estimate " + estimate + " within 1% of " + exact);
        }
        assertEquals(values[values.length - 1], histogram.max(), "max is exact");
        assertEquals(values[values.length - 1], histogram.percentile(100), "p100 is the max");
        assertEquals(values.length, histogram.count(), "count is exact");
    }

    @Test
    void smallValuesAreExactAndNegativeOnesCountAsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        histogram.record(7);
        histogram.record(200);

        assertEquals(0, histogram.percentile(10), "negative value recorded as 0");
        assertEquals(7, histogram.percentile(50), "values below 256 are exact");
        assertEquals(200, histogram.percentile(100), "max exact");
        assertEquals(0, new LatencyHistogram().percentile(99), "empty histogram reports 0");
        assertThrows(IllegalArgumentException.class, () -> histogram.percentile(101), "percent above 100 refused");
    }

    @Test
    void bucketBoundsCoverEveryValueWithoutGaps() {
        for (long v : new long[] {0, 255, 256, 257, 511, 512, 1_000_003, Long.MAX_VALUE}) {
            int bucket = LatencyHistogram.bucket(v);
            assertTrue(LatencyHistogram.lowerBound(bucket) <= v, "lower bound of bucket for " + v + " not above it");
            assertTrue(bucket + 1 >= 7296 || LatencyHistogram.lowerBound(bucket + 1) > v,
                    "next bucket starts above " + v);
        }
    }
}
