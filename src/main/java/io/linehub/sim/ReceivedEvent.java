package io.linehub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One event as the {@link EventReceiver} got it: the contract's fields, when it arrived, whether its eventId had
 * arrived before, and the whole JSON object ({@code json}; treat it as read-only).
 */
public record ReceivedEvent(String eventId, String type, OffsetDateTime occurredAt, String line, String device,
        String gtin, String serial, String lot, String expiry, String status, String reason,
        Instant receivedAt, boolean repeat, JsonNode json) {

    /**
     * Reads an event object, refusing what breaks the contract: the receiver answers 400 rather than hide a hub
     * bug by accepting it.
     *
     * @throws IllegalArgumentException naming the broken field
     */
    static ReceivedEvent parse(JsonNode json, Instant receivedAt) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("an event must be a JSON object");
        }
        String eventId = required(json, "eventId");
        String type = required(json, "type");
        OffsetDateTime occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(required(json, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt of event " + eventId + " is not ISO-8601 with an offset: "
                    + json.get("occurredAt").asText(), e);
        }
        return new ReceivedEvent(eventId, type, occurredAt, text(json, "line"), text(json, "device"),
                text(json, "gtin"), text(json, "serial"), text(json, "lot"), text(json, "expiry"),
                text(json, "status"), text(json, "reason"), receivedAt, false, json);
    }

    ReceivedEvent asRepeat() {
        return new ReceivedEvent(eventId, type, occurredAt, line, device, gtin, serial, lot, expiry, status, reason,
                receivedAt, true, json);
    }

    /** Time from occurrence at the hub to arrival here, in microseconds; negative under clock skew. */
    public long latencyMicros() {
        Duration age = Duration.between(occurredAt.toInstant(), receivedAt);
        return age.getSeconds() * 1_000_000 + age.getNano() / 1_000;
    }

    /** The nested {@code product} object, or a missing node. */
    public JsonNode product() {
        return json.path("product");
    }

    private static String required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("event field " + field + " is missing or not a string");
        }
        return value.asText();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
