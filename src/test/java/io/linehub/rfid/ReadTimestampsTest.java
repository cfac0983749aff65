package io.linehub.rfid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadTimestampsTest {

    @Test
    void magnitudeBoundariesPickTheUnit() {
        assertEquals(Instant.ofEpochSecond(99_999_999_999L), ReadTimestamps.fromEpoch(new BigDecimal("99999999999")),
                "just below 1e11 is seconds");
        assertEquals(Instant.ofEpochMilli(100_000_000_000L), ReadTimestamps.fromEpoch(new BigDecimal("1e11")),
                "1e11 is milliseconds");
        assertEquals(Instant.ofEpochSecond(100_000_000L), ReadTimestamps.fromEpoch(new BigDecimal("1e14")),
                "1e14 is microseconds");
    }

    @Test
    void nonPositiveAndAbsurdEpochsAreUnusable() {
        assertNull(ReadTimestamps.fromEpoch(BigDecimal.ZERO), "zero is no timestamp");
        assertNull(ReadTimestamps.fromEpoch(new BigDecimal("-1680551416")), "negative is no timestamp");
        assertNull(ReadTimestamps.fromEpoch(new BigDecimal("1e40")), "beyond Instant range is no timestamp");
    }

    @Test
    void localTimesWithoutOffsetAreUnusableRatherThanGuessed() {
        assertNull(ReadTimestamps.parseText("2023-04-03T21:50:16.699"), "no offset, no guess");
        assertNull(ReadTimestamps.parseText(""), "empty text");
    }
}
