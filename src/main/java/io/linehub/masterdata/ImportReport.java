package io.linehub.masterdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The outcome of one import, serialisable as-is by Jackson; at most {@link #MAX_ERRORS} errors are
 * listed and {@code errorsTruncated} counts the rest, so a hopeless million-row file gives a small answer.
 */
@JsonPropertyOrder({"inserted", "updated", "unchanged", "rejected", "errors", "errorsTruncated"})
public record ImportReport(int inserted, int updated, int unchanged, List<RowError> errors,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) int errorsTruncated) {

    public static final int MAX_ERRORS = 1_000;

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public ImportReport(int inserted, int updated, int unchanged, List<RowError> errors) {
        this(inserted, updated, unchanged, errors, 0);
    }

    /** Rows not imported, including those beyond the listed errors. */
    @JsonProperty("rejected")
    public int rejected() {
        return errors.size() + errorsTruncated;
    }

    /** A document rejected as a whole: nothing was imported. */
    static ImportReport fileError(int line, String reason) {
        return new ImportReport(0, 0, 0, List.of(new RowError(line, reason)));
    }
}
