package io.linehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.ops.DestinationFigures;
import io.linehub.ops.DeviceFigures;
import io.linehub.ops.LineFigures;
import io.linehub.ops.OpsView;
import io.linehub.ops.PrinterFigures;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;

/** GET /api/status: the whole hub in one document, for the status page and for scripts. */
public final class StatusApi {

    /** The hub as a whole; accepted and rejected count since the hub started. */
    public record HubSummary(String id, Instant startedAt, double scansPerSecond, long accepted, long rejected) {
    }

    public record Status(HubSummary hub, List<LineFigures> lines, List<DeviceFigures> devices,
                         List<PrinterFigures> printers, List<DestinationFigures> destinations, long deadLetters) {
    }

    private final String hubId;
    private final Instant startedAt;
    private final OpsView view;
    private final ObjectMapper json;

    public StatusApi(String hubId, Instant startedAt, OpsView view, ObjectMapper json) {
        this.hubId = hubId;
        this.startedAt = startedAt;
        this.view = view;
        this.json = json;
    }

    public Status status() {
        HubSummary hub = new HubSummary(hubId, startedAt, view.scansPerSecond(), view.counters().accepted(),
                view.counters().rejected());
        return new Status(hub, view.lines(), view.devices(), view.printers(), view.destinations(),
                view.deadLetters());
    }

    public void get(Exchange exchange) throws Exception {
        JsonAnswer.set(exchange.getMessage(), 200, json.writeValueAsString(status()));
    }
}
