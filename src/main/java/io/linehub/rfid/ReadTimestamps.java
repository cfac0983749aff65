package io.linehub.rfid;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Turns the timestamp styles readers send (ISO with or without a colon in the offset, epoch numbers) into instants. */
public final class ReadTimestamps {

    // Zebra's ZIOTC writes "+0200"; ISO_OFFSET_DATE_TIME needs "+02:00", so the colon is put in before parsing
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-])(\\d{2})(\\d{2})$");
    private static final Pattern OFFSET_HOURS_ONLY = Pattern.compile("T.*[+-]\\d{2}$");
    private static final Pattern EPOCH_DIGITS = Pattern.compile("\\d{1,19}(\\.\\d{1,9})?");

    private static final BigDecimal SECONDS_BELOW = new BigDecimal("1e11");
    private static final BigDecimal MILLIS_BELOW = new BigDecimal("1e14");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final int LONGEST_ISO_TEXT = 64;

    private ReadTimestamps() {
    }

    /** Returns the instant the node describes, or {@code null} if it is absent or not a usable timestamp. */
    public static Instant parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            // Infinity and NaN doubles (e.g. 1e400) have no decimal value
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                return null;
            }
            return fromEpoch(node.decimalValue());
        }
        if (node.isTextual()) {
            return parseText(node.asText().strip());
        }
        return null;
    }

    /** Parses ISO-8601 text (offset {@code Z}, {@code +02:00}, {@code +0200} or {@code +02}) or epoch digits. */
    public static Instant parseText(String text) {
        if (text == null || text.isEmpty() || text.length() > LONGEST_ISO_TEXT) {
            return null;
        }
        if (EPOCH_DIGITS.matcher(text).matches()) {
            return fromEpoch(new BigDecimal(text));
        }
        String iso = OFFSET_WITHOUT_COLON.matcher(text).replaceFirst("$1$2:$3");
        if (OFFSET_HOURS_ONLY.matcher(iso).find()) {
            iso = iso + ":00";
        }
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            // a time without an offset could be any zone; guessing would silently shift reads by hours
            return null;
        }
    }

    /**
     * Reads an epoch number as seconds, milliseconds or microseconds by magnitude: below 1e11 seconds (until
     * year 5138), below 1e14 milliseconds, anything larger microseconds.
     */
    public static Instant fromEpoch(BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            return null;
        }
        BigDecimal nanos;
        if (value.compareTo(SECONDS_BELOW) < 0) {
            nanos = value.multiply(NANOS_PER_SECOND);
        } else if (value.compareTo(MILLIS_BELOW) < 0) {
            nanos = value.movePointRight(6);
        } else {
            nanos = value.movePointRight(3);
        }
        try {
            BigInteger[] secondsAndNanos = nanos.toBigInteger().divideAndRemainder(NANOS_PER_SECOND.toBigInteger());
            return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
        } catch (ArithmeticException | DateTimeException e) {
            return null;
        }
    }
}
