package io.linehub.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared vectors against GS1's schema, and proof that the validator rejects what it should. */
class EpcisSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {EpcisVectors.COMMISSIONING, EpcisVectors.PACKING, EpcisVectors.SHIPPING})
    void shared_vector_is_a_valid_epcis_document(String name) {
        Set<ValidationMessage> errors = EpcisJsonSchema.validate(EpcisVectors.read(name));
        assertTrue(errors.isEmpty(), name + ": " + errors);
    }

    @Test
    void event_without_time_zone_offset_is_rejected() {
        assertRejected(EpcisVectors.COMMISSIONING, d -> EpcisVectors.firstEvent(d).remove("eventTimeZoneOffset"));
    }

    @Test
    void biz_step_outside_cbv_is_rejected() {
        assertRejected(EpcisVectors.SHIPPING, d -> EpcisVectors.firstEvent(d).put("bizStep", "shipped_out"));
    }

    @Test
    void cbv_1_urn_biz_step_is_rejected() {
        assertRejected(EpcisVectors.SHIPPING, d -> EpcisVectors.firstEvent(d)
                .put("bizStep", "urn:epcglobal:cbv:bizstep:shipping"));
    }

    @Test
    void numeric_schema_version_is_rejected() {
        assertRejected(EpcisVectors.PACKING, d -> d.put("schemaVersion", 2.0));
    }

    @Test
    void date_time_format_is_asserted() {
        assertRejected(EpcisVectors.PACKING, d -> EpcisVectors.firstEvent(d).put("eventTime", "2025-06-02 10:29"));
    }

    @Test
    void uri_format_is_asserted() {
        assertRejected(EpcisVectors.PACKING, d -> EpcisVectors.firstEvent(d).put("parentID", "case 4711"));
    }

    @Test
    void ilmd_on_an_observe_event_is_rejected() {
        assertRejected(EpcisVectors.COMMISSIONING, d -> EpcisVectors.firstEvent(d).put("action", "OBSERVE"));
    }

    @Test
    void schema_is_loaded_from_the_classpath_only() {
        EpcisJsonSchema.validate(EpcisVectors.read(EpcisVectors.PACKING));
        assertFalse(EpcisJsonSchema.loadedLocations().isEmpty(), "the schema should have been loaded");
        EpcisJsonSchema.loadedLocations().forEach(location ->
                assertTrue(location.startsWith("classpath:"), "fetched " + location));
    }

    private static void assertRejected(String vector, Consumer<ObjectNode> breakIt) {
        ObjectNode document = EpcisVectors.read(vector);
        assertEquals(Set.of(), EpcisJsonSchema.validate(document), "the unbroken vector must pass first");
        breakIt.accept(document);
        assertFalse(EpcisJsonSchema.validate(document).isEmpty(), "accepted: " + document);
    }
}
