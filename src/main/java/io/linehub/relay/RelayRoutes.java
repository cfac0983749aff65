package io.linehub.relay;

import io.linehub.cluster.ClusterBeans;
import io.linehub.cluster.Ownership;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** Makes one relay route per configured destination from the templates in routes/outbox-relay.camel.yaml. */
public final class RelayRoutes {

    private RelayRoutes() {
    }

    /** The relay route of a destination, as ownership and its fence know it. */
    public static String routeId(String destination) {
        return "relay-" + destination;
    }

    public static void install(CamelContext context, Destinations destinations, int pollMs) throws Exception {
        Ownership ownership = ClusterBeans.ownership(context);
        for (Destination d : destinations.all()) {
            if (d.kind() == Destination.Kind.ROUTE) {
                continue; // a partner route drains its own subscription (outbox: consumer)
            }
            TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(context,
                            d.kind() == Destination.Kind.MQTT ? "outbox-relay-mqtt" : "outbox-relay-http")
                    .routeId(routeId(d.name()))
                    .parameter("destination", d.name())
                    .parameter("pollMs", String.valueOf(pollMs));
            if (d.kind() == Destination.Kind.HTTP) {
                builder.parameter("url", d.url());
            }
            String id = builder.add();
            if (ownership != null) {
                // in a cluster one hub relays a destination at a time (order per destination); ownership starts it
                ownership.register(new Ownership.Resource(id, () -> { }));
                continue;
            }
            // routes added after start are not started by the supervising route controller on their own
            context.getRouteController().startRoute(id);
        }
    }
}
