package io.linehub.ops;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Destinations and printers in the health report. Always UP: an ERP that is down or a printer out of paper
 * is waited out by the hub (events stay in the outbox, jobs in the queue), so taking the hub out of service
 * would help nobody; the details say which one is failing and since when.
 */
public final class OutputsHealthCheck extends AbstractHealthCheck {

    private final OpsView view;

    public OutputsHealthCheck(OpsView view) {
        super("linehub", "outputs");
        this.view = view;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        for (DestinationFigures d : view.destinations()) {
            builder.detail("destination." + d.name(), d.failingSince() == null
                    ? "delivering, outbox " + d.outboxDepth()
                    : "failing since " + d.failingSince() + ", outbox " + d.outboxDepth());
        }
        for (PrinterFigures p : view.printers()) {
            builder.detail("printer." + p.id(), p.status() + ", queue " + p.queueDepth());
        }
        builder.up();
    }
}
