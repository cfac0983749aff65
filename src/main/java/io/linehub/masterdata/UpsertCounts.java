package io.linehub.masterdata;

/** How the rows of one committed chunk affected the database. */
record UpsertCounts(int inserted, int updated, int unchanged) {
}
