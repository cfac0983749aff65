package io.linehub.print;

import java.util.Map;

/**
 * A print job as a system sends it (MQTT job topic or POST /api/print-jobs).
 *
 * @param clientJobId the sender's own id: a job sent twice with it is accepted once
 */
public record PrintJobRequest(String clientJobId, String printer, String template, int copies,
                              Map<String, String> fields) {

    public PrintJobRequest {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
