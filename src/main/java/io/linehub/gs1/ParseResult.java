package io.linehub.gs1;

/** Outcome of parsing one scan: the decoded GS1 data or the first error found. */
public sealed interface ParseResult permits Gs1Data, Gs1Error {

    /** True when the scan decoded to valid GS1 data. */
    default boolean isOk() {
        return this instanceof Gs1Data;
    }
}
