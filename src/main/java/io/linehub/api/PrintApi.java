package io.linehub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.print.PrintJob;
import io.linehub.print.PrintJobIntake;
import io.linehub.print.PrintJobRejectedException;
import io.linehub.print.PrintJobRequest;
import io.linehub.print.PrintLedger;
import io.linehub.relay.EventRecorder;
import io.linehub.relay.HubEvent;
import io.linehub.scan.DeviceTopic;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Print jobs in: POST /api/print-jobs and the MQTT job topic; job state out: GET /api/print-jobs/{id}. */
public final class PrintApi {

    private static final Logger LOG = LoggerFactory.getLogger(PrintApi.class);

    private final PrintJobIntake intake;
    private final PrintLedger ledger;
    private final EventRecorder events;
    private final ObjectMapper json;
    private final String topicPrefix;

    public PrintApi(PrintJobIntake intake, PrintLedger ledger, EventRecorder events, ObjectMapper json,
                    String topicPrefix) {
        this.intake = intake;
        this.ledger = ledger;
        this.events = events;
        this.json = json;
        this.topicPrefix = topicPrefix;
    }

    public void post(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        try {
            PrintJob job = intake.accept(request(msg.getBody(byte[].class), null));
            respond(msg, 202, outside(job));
        } catch (PrintJobRejectedException e) {
            respond(msg, 400, Map.of("error", e.getMessage()));
        }
    }

    public void get(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        String id = msg.getHeader("id", String.class);
        var job = ledger.find(id);
        if (job.isPresent()) {
            respond(msg, 200, outside(job.get()));
        } else {
            respond(msg, 404, Map.of("error", "no print job " + id));
        }
    }

    /** A route's print job: the body is JSON text or a Map; it becomes the stored job (or the call fails). */
    public PrintJob fromRoute(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        byte[] bytes = body instanceof Map<?, ?> map ? json.writeValueAsBytes(map)
                : exchange.getMessage().getBody(byte[].class);
        PrintJob job = intake.accept(request(bytes, null));
        exchange.getMessage().setBody(job);
        return job;
    }

    /** Topic {prefix}/{line}/printer/{printer}/job; a job the hub cannot take becomes a print.failed event. */
    public void fromMqtt(Exchange exchange) throws Exception {
        String topic = exchange.getMessage().getHeader("CamelMqttTopic", String.class);
        DeviceTopic named = DeviceTopic.parse(topicPrefix, topic);
        String line = named.line() != null ? named.line() : "unassigned";
        String printer = named.device();
        try {
            PrintJob job = intake.accept(request(exchange.getMessage().getBody(byte[].class), printer));
            LOG.debug("print job {} accepted from {}", job.id(), topic);
        } catch (PrintJobRejectedException e) {
            LOG.warn("print job from {} rejected: {}", topic, e.getMessage());
            events.recordEvents(List.of(new HubEvent(UUID.randomUUID().toString(), "print.failed",
                    Instant.now().toString(), line, printer, null, null, null, null, null, null, null, null, null,
                    "JOB_REJECTED", e.getMessage(), null)));
        }
    }

    /** The contract's four states: a job whose bytes are being written is already "sent" to the outside. */
    private static PrintJob outside(PrintJob job) {
        if (!PrintJob.SENDING.equals(job.state())) {
            return job;
        }
        return new PrintJob(job.id(), job.jobId(), job.printer(), job.line(), job.template(), job.copies(),
                job.fields(), job.gtin(), job.serial(), PrintJob.SENT, job.reason(), job.createdAt(), job.updatedAt());
    }

    private PrintJobRequest request(byte[] body, String topicPrinter) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? new byte[0] : body);
        } catch (Exception e) {
            throw new PrintJobRejectedException("malformed JSON print job");
        }
        if (node == null || !node.isObject()) {
            throw new PrintJobRejectedException("a print job is a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.path("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        String printer = node.hasNonNull("printer") ? node.get("printer").asText() : topicPrinter;
        if (topicPrinter != null && !topicPrinter.equals(printer)) {
            throw new PrintJobRejectedException("job names printer " + printer + " but came on " + topicPrinter
                    + "'s topic");
        }
        return new PrintJobRequest(text(node, "jobId"), printer, text(node, "template"),
                node.path("copies").asInt(1), fields);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private void respond(Message msg, int status, Object answer) throws Exception {
        JsonAnswer.set(msg, status, json.writeValueAsString(answer));
    }
}
