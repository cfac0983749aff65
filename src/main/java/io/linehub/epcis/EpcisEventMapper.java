package io.linehub.epcis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linehub.relay.HubEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one hub event into the EPCIS 2.0 event that reports it, or into nothing when EPCIS has no
 * use for it (rejections, printing). Fields are written in the order GS1's examples use.
 */
final class EpcisEventMapper {

    static final Set<String> MAPPED_TYPES = Set.of("serial.commissioned", "aggregation.packed", "scan.accepted",
            "tag.observed");

    private static final EpcisStep COMMISSIONING = new EpcisStep("commissioning", "active");
    private static final EpcisStep PACKING = new EpcisStep("packing", "in_progress");
    private static final String CBV_BIZSTEP_URI = "https://ref.gs1.org/cbv/BizStep-";

    private final EpcisProfile profile;
    private final EpcIdentifiers ids;
    private final ReadPoints readPoints;
    private final ObservationSteps steps;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    EpcisEventMapper(EpcisProfile profile) {
        this.profile = profile;
        this.ids = new EpcIdentifiers(profile.companyPrefixes());
        this.readPoints = new ReadPoints(profile.bizLocation(), profile.readPoints());
        this.steps = new ObservationSteps(profile.stations());
    }

    /** @throws IllegalArgumentException when a mapped event lacks its time or a valid identifier */
    Optional<ObjectNode> map(HubEvent e) {
        if (e.type() == null || !MAPPED_TYPES.contains(e.type())) {
            return Optional.empty();
        }
        try {
            return switch (e.type()) {
                case "serial.commissioned" -> Optional.of(commissioning(e));
                case "aggregation.packed" -> Optional.of(packing(e));
                default -> observation(e);
            };
        } catch (IllegalArgumentException problem) {
            throw new IllegalArgumentException("hub event " + e.eventId() + " (" + e.type() + ") cannot be written"
                    + " as EPCIS: " + problem.getMessage(), problem);
        }
    }

    private ObjectNode commissioning(HubEvent e) {
        ObjectNode event = header("ObjectEvent", e);
        event.putArray("epcList").add(ids.unit(e.gtin(), e.serial(), e.epc()));
        whyAndWhere(event, "ADD", COMMISSIONING, e);
        if (EpcIdentifiers.present(e.lot()) || EpcIdentifiers.present(e.expiry())) {
            ObjectNode ilmd = event.putObject("ilmd");
            putIfPresent(ilmd, "cbvmda:lotNumber", e.lot());
            putIfPresent(ilmd, "cbvmda:itemExpirationDate", e.expiry());
        }
        return event;
    }

    private ObjectNode packing(HubEvent e) {
        List<Map<String, String>> children = e.children();
        if (children == null || children.isEmpty()) {
            // an ADD without children would say nothing was packed; the schema rejects it too
            throw new IllegalArgumentException("no children");
        }
        ObjectNode event = header("AggregationEvent", e);
        event.put("parentID", ids.logisticUnit(e.sscc(), e.epc()));
        ArrayNode childEpcs = event.putArray("childEPCs");
        children.forEach(child -> childEpcs.add(ids.unit(child)));
        whyAndWhere(event, "ADD", PACKING, e);
        return event;
    }

    private Optional<ObjectNode> observation(HubEvent e) {
        Optional<EpcisStep> found = steps.of(e.station(), e.status());
        // the serial.commissioned event of the same scan already reports the commissioning
        if (found.isEmpty() || isStep(found.get(), "commissioning")) {
            return Optional.empty();
        }
        EpcisStep step = found.get();
        ObjectNode event = header("ObjectEvent", e);
        event.putArray("epcList").add(observed(e));
        whyAndWhere(event, isStep(step, "decommissioning") ? "DELETE" : "OBSERVE", step, e);
        return Optional.of(event);
    }

    /** A scan names a case by its SSCC and a unit by GTIN and serial; a tag read by its EPC. */
    private String observed(HubEvent e) {
        if (EpcIdentifiers.present(e.epc())) {
            return e.epc();
        }
        if (EpcIdentifiers.present(e.sscc())) {
            return ids.logisticUnit(e.sscc(), null);
        }
        return ids.unit(e.gtin(), e.serial(), null);
    }

    private ObjectNode header(String type, HubEvent e) {
        EventTime time = EventTime.of(e.occurredAt(), profile.zone());
        ObjectNode event = nodes.objectNode();
        event.put("type", type);
        event.put("eventTime", time.eventTime());
        event.put("eventTimeZoneOffset", time.eventTimeZoneOffset());
        // derived from the hub's own id, so a redelivered batch repeats the id and receivers can drop it
        putIfPresent(event, "eventID", EpcIdentifiers.present(e.eventId()) ? "urn:uuid:" + e.eventId() : null);
        return event;
    }

    /** The EPCIS "why" (action, step, disposition) and "where" (read point, site) dimensions. */
    private void whyAndWhere(ObjectNode event, String action, EpcisStep step, HubEvent e) {
        event.put("action", action);
        event.put("bizStep", step.bizStep());
        event.put("disposition", step.disposition());
        event.putObject("readPoint").put("id", readPoints.of(e.device()));
        event.putObject("bizLocation").put("id", profile.bizLocation());
    }

    private static boolean isStep(EpcisStep step, String term) {
        return step.bizStep().equals(term) || step.bizStep().equals(CBV_BIZSTEP_URI + term);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (EpcIdentifiers.present(value)) {
            node.put(field, value);
        }
    }
}
