package io.linehub.rules;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A serial's master data as the lookup found it, the facts a decision is made from.
 *
 * @param lastAcceptedStation the station of the last acceptance (null in rows from before it was kept)
 */
public record SerialSnapshot(String gtin, String serial, String lot, LocalDate expiry, String status,
                            Instant lastAcceptedAt, String lastAcceptedStation, String productName) {
}
