package io.linehub.relay.outbox;

import io.linehub.relay.OutboxRelay;
import io.linehub.relay.RelayRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Drains one subscription: the oldest pending batch goes through the partner route; only when the
 * route completes without an exception is the batch delivered, otherwise the same batch is offered
 * again after a backoff. One batch at a time, so the partner sees the events in order.
 */
final class OutboxConsumer extends ScheduledPollConsumer {

    /** Batches per poll before yielding the thread to the scheduler. */
    private static final int MAX_BATCHES_PER_POLL = 50;

    OutboxConsumer(OutboxEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public OutboxEndpoint getEndpoint() {
        return (OutboxEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        OutboxEndpoint e = getEndpoint();
        e.getComponent().subscriptions().subscribe(e.getSubscription(), e.typeSet(), e.lineSet(), e.getFormat(),
                e.getBatchSize());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        // in a cluster: another hub's consumer of the same subscription takes it at its next poll
        getEndpoint().getComponent().ownership().release(RelayRoutes.routeId(getEndpoint().getSubscription()));
    }

    @Override
    protected int poll() throws Exception {
        OutboxRelay relay = getEndpoint().getComponent().relay();
        String name = getEndpoint().getSubscription();
        if (!getEndpoint().getComponent().ownership().own(RelayRoutes.routeId(name))) {
            return 0; // in a cluster another hub drains this subscription (one at a time keeps its order)
        }
        int batches = 0;
        while (batches < MAX_BATCHES_PER_POLL && isRunAllowed()) {
            Exchange exchange = createExchange(false);
            try {
                relay.next(exchange, name);
                if (exchange.getProperty(OutboxRelay.PROPERTY_BATCH) == null) {
                    return batches;
                }
                boolean more = Boolean.TRUE.equals(exchange.getProperty(OutboxRelay.PROPERTY_MORE));
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    exchange.setProperty(Exchange.EXCEPTION_CAUGHT, exchange.getException());
                    relay.failed(exchange, name);
                    return batches;
                }
                relay.delivered(exchange, name);
                batches++;
                if (!more) {
                    return batches;
                }
            } finally {
                releaseExchange(exchange, false);
            }
        }
        return batches;
    }
}
