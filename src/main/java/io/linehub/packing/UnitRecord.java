package io.linehub.packing;

import java.time.Instant;
import java.time.LocalDate;

/** A unit's master data as packing needs it. */
public record UnitRecord(String gtin, String serial, String lot, LocalDate expiry, String status, String parentSscc,
                         Instant lastAcceptedAt, String productName) {
}
