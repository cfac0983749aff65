package io.linehub.masterdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/**
 * One entry of a serial's append-only history ({@code fromStatus} is null on creation), with its timestamp
 * written by {@code toString()} so that it is an ISO-8601 string with or without Jackson's JavaTimeModule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChange(SerialStatus fromStatus, SerialStatus toStatus, String reason, String source,
                           String station, String device, String eventId,
                           @JsonSerialize(using = ToStringSerializer.class) Instant changedAt) {
}
