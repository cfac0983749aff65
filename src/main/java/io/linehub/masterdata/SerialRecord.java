package io.linehub.masterdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A serial's record with its product and history (oldest first), as answered by
 * {@code GET /api/serials/{gtin}/{serial}}; dates and timestamps serialise as ISO-8601 strings; {@code parentSscc}
 * is the case the unit is packed in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SerialRecord(String gtin, String serial, String lot,
                           @JsonSerialize(using = ToStringSerializer.class) LocalDate expiry,
                           SerialStatus status, String statusReason,
                           @JsonSerialize(using = ToStringSerializer.class) Instant lastAcceptedAt,
                           @JsonSerialize(using = ToStringSerializer.class) Instant createdAt,
                           @JsonSerialize(using = ToStringSerializer.class) Instant updatedAt,
                           ProductRecord product, String parentSscc, List<StatusChange> history) {

    public SerialRecord {
        history = List.copyOf(history);
    }
}
