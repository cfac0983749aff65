package io.linehub.masterdata;

/**
 * One rejected input row, where {@code line} is the physical CSV line (header = 1, also used for a rejected
 * header) or the 1-based JSON array index (0 for a rejected JSON document).
 */
public record RowError(int line, String reason) {
}
