package io.linehub.print;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each printer's status, retained, on {prefix}/{line}/printer/{printer}/status, so the line
 * sees why a queue holds. Best effort: a status lost while the broker is down is replaced by the next.
 */
public final class PrinterStatusTopic implements BiConsumer<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterStatusTopic.class);

    private final ProducerTemplate producer;
    private final Endpoint endpoint;
    private final String prefix;
    private final Map<String, String> lineOfPrinter;
    private final ObjectMapper json;

    public PrinterStatusTopic(ProducerTemplate producer, Endpoint endpoint, String prefix,
                              Map<String, String> lineOfPrinter, ObjectMapper json) {
        this.producer = producer;
        this.endpoint = endpoint;
        this.prefix = prefix;
        this.lineOfPrinter = Map.copyOf(lineOfPrinter);
        this.json = json;
    }

    @Override
    public void accept(String printer, String status) {
        String line = lineOfPrinter.getOrDefault(printer, "unassigned");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("printer", printer);
        body.put("line", line);
        body.put("ready", "ready".equals(status));
        body.put("status", status);
        body.put("at", Instant.now().toString());
        try {
            Map<String, Object> headers = Map.of(
                    "CamelPahoMqtt5OverrideTopic", prefix + "/" + line + "/printer/" + printer + "/status",
                    "CamelPahoMqtt5Retained", Boolean.TRUE);
            // asynchronous: a printer's queue thread never waits on the broker
            producer.asyncRequestBodyAndHeaders(endpoint, json.writeValueAsString(body), headers);
        } catch (Exception e) {
            LOG.debug("printer status of {} not published: {}", printer, e.getMessage());
        }
    }
}
