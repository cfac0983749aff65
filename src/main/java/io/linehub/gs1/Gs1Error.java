package io.linehub.gs1;

import java.util.Objects;

/** Why a scan is not valid GS1 data: a stable machine-readable kind and a message for people. */
public record Gs1Error(String kind, String message) implements ParseResult {

    // The kinds are the error_kind vocabulary of shared/vectors/gs1.tsv, plus one the vectors do not cover.
    public static final String BAD_CHECK_DIGIT = "bad_check_digit";
    public static final String UNKNOWN_AI = "unknown_ai";
    public static final String TOO_LONG = "too_long";
    public static final String MISSING_SEPARATOR = "missing_separator";
    public static final String WRONG_LENGTH = "wrong_length";
    public static final String INVALID_DATE = "invalid_date";
    public static final String INVALID_TIME = "invalid_time";
    public static final String BAD_CHARSET = "bad_charset";
    public static final String NO_DATA = "no_data";
    public static final String EMPTY_VALUE = "empty_value";
    public static final String UNEXPECTED_SEPARATOR = "unexpected_separator";
    public static final String INVALID_PAIRING = "invalid_pairing";
    public static final String MISSING_REQUIRED_AI = "missing_required_ai";
    public static final String CONFLICTING_DUPLICATE = "conflicting_duplicate";
    public static final String BAD_VALUE = "bad_value";
    public static final String NOT_GS1 = "not_gs1";
    public static final String UNSUPPORTED_SYMBOLOGY = "unsupported_symbology";
    public static final String HRI_SYNTAX = "hri_syntax";
    public static final String DL_BAD_SCHEME = "dl_bad_scheme";
    public static final String DL_NO_PRIMARY_KEY = "dl_no_primary_key";
    public static final String DL_INVALID_QUALIFIER_SEQUENCE = "dl_invalid_qualifier_sequence";
    public static final String DL_AI_BELONGS_IN_PATH = "dl_ai_belongs_in_path";
    public static final String DL_DUPLICATE_AI = "dl_duplicate_ai";
    /** A compressed GS1 Digital Link URI: recognised, but no decompressor is implemented. */
    public static final String DL_COMPRESSED_UNSUPPORTED = "dl_compressed_unsupported";

    public Gs1Error {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
