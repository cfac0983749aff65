package io.linehub.print;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/** A stored print job and where it stands: queued, sending, sent, printed, or failed with a reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrintJob(String id, String jobId, String printer, String line, String template, int copies,
                       Map<String, String> fields, String gtin, String serial, String state, String reason,
                       Instant createdAt, Instant updatedAt) {

    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String PRINTED = "printed";
    public static final String FAILED = "failed";
}
