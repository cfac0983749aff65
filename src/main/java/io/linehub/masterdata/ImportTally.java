package io.linehub.masterdata;

import java.util.ArrayList;
import java.util.List;

/** Accumulates counts and capped errors while an import runs, then freezes them into an {@link ImportReport}. */
final class ImportTally {

    private final List<RowError> errors = new ArrayList<>();
    private int inserted;
    private int updated;
    private int unchanged;
    private int errorsTruncated;

    void reject(int line, String reason) {
        if (errors.size() < ImportReport.MAX_ERRORS) {
            errors.add(new RowError(line, reason));
        } else {
            errorsTruncated++;
        }
    }

    void add(UpsertCounts counts) {
        inserted += counts.inserted();
        updated += counts.updated();
        unchanged += counts.unchanged();
    }

    ImportReport report() {
        return new ImportReport(inserted, updated, unchanged, errors, errorsTruncated);
    }
}
