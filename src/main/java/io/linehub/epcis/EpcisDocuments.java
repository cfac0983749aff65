package io.linehub.epcis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linehub.relay.HubEvent;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds GS1 EPCIS 2.0 JSON-LD documents from hub events, one EPCIS event per hub event that EPCIS
 * reports, in the order given. Thread-safe.
 */
public final class EpcisDocuments {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EpcisEventMapper mapper;
    private final Clock clock;

    public EpcisDocuments(EpcisProfile profile, Clock clock) {
        this.mapper = new EpcisEventMapper(Objects.requireNonNull(profile, "profile"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True when events of this hub type can become EPCIS events, so the relay can leave others out of batches. */
    public static boolean maps(String type) {
        return type != null && EpcisEventMapper.MAPPED_TYPES.contains(type);
    }

    /**
     * A batch's document and the events that could not be written in it.
     *
     * @param document the EPCIS document, empty when no event of the batch is an EPCIS event
     * @param refused  event id to the reason it cannot be written as EPCIS (no valid identifier or time)
     */
    public record Batch(Optional<String> document, Map<String, String> refused) {
    }

    /**
     * The document for a relay batch: an event that cannot be written is left out and named, so that
     * one bad outbox row does not hold back every event after it.
     */
    public Batch batch(List<HubEvent> events) {
        List<HubEvent> writable = new ArrayList<>(events.size());
        Map<String, String> refused = new LinkedHashMap<>();
        for (HubEvent event : events) {
            try {
                mapper.map(event);
                writable.add(event);
            } catch (IllegalArgumentException e) {
                refused.put(event.eventId(), e.getMessage());
            }
        }
        return new Batch(document(writable), refused);
    }

    /**
     * The EPCIS document reporting {@code events}; empty when none of them is an EPCIS event.
     *
     * @throws IllegalArgumentException when an event EPCIS reports lacks a parseable time or a valid
     *                                  identifier (an outbox payload the hub should never have written)
     */
    public Optional<String> document(List<HubEvent> events) {
        ObjectNode document = JSON.createObjectNode();
        document.putArray("@context").add(CONTEXT);
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", UTC_MILLIS.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        ArrayNode eventList = document.putObject("epcisBody").putArray("eventList");
        for (HubEvent event : events) {
            mapper.map(event).ifPresent(eventList::add);
        }
        if (eventList.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of strings failed to serialize", e);
        }
    }
}
