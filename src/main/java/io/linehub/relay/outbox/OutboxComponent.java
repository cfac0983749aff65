package io.linehub.relay.outbox;

import io.linehub.cluster.ClusterBeans;
import io.linehub.cluster.PollOwnership;
import io.linehub.relay.OutboxRelay;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code outbox:<subscription>?types=...&lines=...&batchSize=...&format=json|epcis}: a partner route's
 * subscription to linehub's event stream, drained from the outbox with the guarantees of the
 * configured destinations (at least once, in order, same eventId on every retry, backoff, never
 * dropped while the partner is down).
 */
public final class OutboxComponent extends DefaultComponent {

    private OutboxRelay relay;
    private Subscriptions subscriptions;
    private PollOwnership ownership;

    public OutboxComponent(OutboxRelay relay, Subscriptions subscriptions) {
        this.relay = relay;
        this.subscriptions = subscriptions;
    }

    /** For a context that finds the hub's beans by name (outboxRelay, subscriptions), e.g. the route checker's. */
    public OutboxComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!remaining.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("outbox subscription name '" + remaining
                    + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        OutboxEndpoint endpoint = new OutboxEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    OutboxRelay relay() {
        if (relay == null) {
            relay = getCamelContext().getRegistry().lookupByNameAndType("outboxRelay", OutboxRelay.class);
        }
        return relay;
    }

    /** Looked up when first polled: the ownership service is bound before the routes, the component before both. */
    PollOwnership ownership() {
        if (ownership == null) {
            ownership = ClusterBeans.pollOwnership(getCamelContext());
        }
        return ownership;
    }

    Subscriptions subscriptions() {
        if (subscriptions == null) {
            subscriptions = getCamelContext().getRegistry().lookupByNameAndType("subscriptions", Subscriptions.class);
        }
        return subscriptions;
    }
}
