package io.linehub.rules;

import java.time.Instant;
import java.time.LocalDate;

/** A serial's master data as the lookup found it, the facts a decision is made from. */
public record SerialSnapshot(String gtin, String serial, String lot, LocalDate expiry, String status,
                            Instant lastAcceptedAt, String productName) {
}
