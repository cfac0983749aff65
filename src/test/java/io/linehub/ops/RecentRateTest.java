package io.linehub.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecentRateTest {

    @Test
    void should_average_the_last_ten_complete_seconds() {
        RecentRate rate = new RecentRate();
        for (long second = 1000; second < 1010; second++) {
            for (int i = 0; i < 5; i++) {
                rate.add(second);
            }
        }
        rate.add(1010);
        assertEquals(5.0, rate.perSecond(1010), 1e-9, "the running second is left out");
        assertEquals(4.5 + 0.1, rate.perSecond(1011), 1e-9, "1001..1010: nine seconds of 5 and one of 1");
    }

    @Test
    void should_forget_seconds_that_left_the_window() {
        RecentRate rate = new RecentRate();
        rate.add(100);
        rate.add(100);
        assertEquals(0.2, rate.perSecond(105), 1e-9);
        assertEquals(0.0, rate.perSecond(111), 1e-9, "eleven seconds later it is gone");
        rate.add(112);
        assertEquals(0.1, rate.perSecond(113), 1e-9, "a reused slot starts from zero");
    }
}
