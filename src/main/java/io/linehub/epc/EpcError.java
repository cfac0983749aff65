package io.linehub.epc;

/** Why an EPC could not be decoded or encoded: a stable machine kind and a message for people. */
public record EpcError(String kind, String message) implements EpcResult {

    public static final String UNSUPPORTED_HEADER = "unsupported_header";
    public static final String UNSUPPORTED_SCHEME = "unsupported_scheme";
    public static final String BAD_PARTITION = "bad_partition";
    public static final String FIELD_OUT_OF_RANGE = "field_out_of_range";
    public static final String WRONG_LENGTH = "wrong_length";
    public static final String BAD_HEX = "bad_hex";
    public static final String BAD_URI = "bad_uri";
    public static final String BAD_CHARSET = "bad_charset";
    public static final String EMPTY_SERIAL = "empty_serial";
    public static final String SERIAL_OUT_OF_RANGE = "serial_out_of_range";
    public static final String SERIAL_NOT_ENCODABLE = "serial_not_encodable";
}
