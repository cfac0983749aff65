package io.linehub.epcis;

import java.util.Objects;

/**
 * A CBV business step and the disposition objects have after it, as bare CBV 2.0 terms
 * ({@code shipping}, {@code in_transit}) or as URIs for private vocabularies.
 */
public record EpcisStep(String bizStep, String disposition) {

    public EpcisStep {
        Objects.requireNonNull(bizStep, "bizStep");
        Objects.requireNonNull(disposition, "disposition");
        if (bizStep.isBlank() || disposition.isBlank()) {
            throw new IllegalArgumentException("bizStep and disposition must not be blank");
        }
    }
}
