package io.linehub.masterdata;

/** A database or I/O failure during import or lookup; the caller retries, which the idempotent upsert makes safe. */
public class MasterDataException extends RuntimeException {

    public MasterDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
