package io.linehub.packing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linehub.rules.Rejection;
import io.linehub.rules.StationRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitVerdictTest {

    static final StationRule CASE_PACKING = new StationRule("case-packing", Set.of("commissioned"), "packed", true,
            null);
    static final String SSCC = "106141410000000011";

    static CaseItem read(String lot) {
        return new CaseItem("packer-1", "line1", "case-packing", true, null, "09501101530003", "7", lot, null, null,
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    static UnitRecord record(String status, String parent) {
        return new UnitRecord("09501101530003", "7", "L1", LocalDate.of(2028, 5, 31), status, parent, null, "Pills");
    }

    @Test
    void should_pack_a_commissioned_unit_without_a_case() {
        assertEquals(UnitVerdict.Kind.PACK, UnitVerdict.of(read(null), record("commissioned", null), SSCC,
                CASE_PACKING).kind());
    }

    @Test
    void should_leave_a_unit_already_in_this_case_alone() {
        assertEquals(UnitVerdict.Kind.ALREADY_IN_CASE, UnitVerdict.of(read(null), record("packed", SSCC), SSCC,
                CASE_PACKING).kind());
    }

    @Test
    void should_report_unknown_packed_elsewhere_wrong_status_and_lot_mismatch() {
        assertEquals(Rejection.UNKNOWN_SERIAL, UnitVerdict.of(read(null), null, SSCC, CASE_PACKING).rejection());
        UnitVerdict elsewhere = UnitVerdict.of(read(null), record("packed", "106141410000000028"), SSCC, CASE_PACKING);
        assertEquals(Rejection.STATUS_CONFLICT, elsewhere.rejection());
        assertEquals("already packed in case 106141410000000028", elsewhere.detail());
        assertEquals(Rejection.STATUS_CONFLICT, UnitVerdict.of(read(null), record("printed", null), SSCC,
                CASE_PACKING).rejection());
        assertEquals(Rejection.DATA_MISMATCH, UnitVerdict.of(read("L2"), record("commissioned", null), SSCC,
                CASE_PACKING).rejection());
    }

    @Test
    void should_never_pack_a_decommissioned_unit_even_at_a_verifying_station() {
        StationRule anyStatus = new StationRule("loose", Set.of(), null, true, null);
        assertEquals(Rejection.STATUS_CONFLICT, UnitVerdict.of(read(null), record("decommissioned", null), SSCC,
                anyStatus).rejection());
    }
}
