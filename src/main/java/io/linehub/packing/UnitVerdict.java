package io.linehub.packing;

import io.linehub.rules.Rejection;
import io.linehub.rules.StationRule;

/**
 * Whether a unit read with a case may be packed into it. A unit already in another case, unknown, or in
 * a status the station does not take is reported, never silently re-packed; a unit already in this
 * case (the case read again) is left as it is.
 */
public record UnitVerdict(Kind kind, Rejection rejection, String detail) {

    /** What happens to the unit. */
    public enum Kind { PACK, ALREADY_IN_CASE, REJECT }

    static final UnitVerdict PACK = new UnitVerdict(Kind.PACK, null, null);
    static final UnitVerdict ALREADY = new UnitVerdict(Kind.ALREADY_IN_CASE, null, null);

    public static UnitVerdict of(CaseItem unit, UnitRecord record, String sscc, StationRule rule) {
        if (record == null) {
            return reject(Rejection.UNKNOWN_SERIAL, "serial not in master data");
        }
        if (sscc.equals(record.parentSscc())) {
            return ALREADY;
        }
        if (record.parentSscc() != null) {
            return reject(Rejection.STATUS_CONFLICT, "already packed in case " + record.parentSscc());
        }
        if (unit.lot() != null && record.lot() != null && !unit.lot().equals(record.lot())) {
            return reject(Rejection.DATA_MISMATCH, "lot " + unit.lot() + " read, master data has " + record.lot());
        }
        if (unit.expiry() != null && record.expiry() != null && !unit.expiry().equals(record.expiry().toString())) {
            return reject(Rejection.DATA_MISMATCH, "expiry " + unit.expiry() + " read, master data has "
                    + record.expiry());
        }
        if (!rule.allows(record.status()) || "decommissioned".equals(record.status())) {
            return reject(Rejection.STATUS_CONFLICT, "status " + record.status() + "; station " + rule.id()
                    + " packs " + (rule.verifies() ? "any status but decommissioned" : rule.accepts()));
        }
        return PACK;
    }

    public static UnitVerdict reject(Rejection rejection, String detail) {
        return new UnitVerdict(Kind.REJECT, rejection, detail);
    }
}
