package io.linehub.epcis;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * When an event happened, as EPCIS writes it: local time in the site's zone with that instant's
 * offset (so summer and winter time both come out right), and the offset again on its own.
 *
 * @param eventTime           e.g. {@code 2025-06-02T10:14:59.123+02:00}
 * @param eventTimeZoneOffset e.g. {@code +02:00}
 */
record EventTime(String eventTime, String eventTimeZoneOffset) {

    // "xxx", not "XXX": EPCIS wants +00:00 for UTC, where XXX would write Z
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    /** @throws IllegalArgumentException when {@code occurredAt} is not ISO-8601 with an offset */
    static EventTime of(String occurredAt, ZoneId zone) {
        ZonedDateTime local;
        try {
            local = OffsetDateTime.parse(occurredAt).toInstant().truncatedTo(ChronoUnit.MILLIS).atZone(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("occurredAt " + occurredAt + " is not ISO-8601 with an offset", e);
        }
        return new EventTime(TIME.format(local), OFFSET.format(local));
    }
}
