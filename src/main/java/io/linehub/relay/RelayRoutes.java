package io.linehub.relay;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** Makes one relay route per configured destination from the templates in routes/outbox-relay.camel.yaml. */
public final class RelayRoutes {

    private RelayRoutes() {
    }

    public static void install(CamelContext context, Destinations destinations, int pollMs) throws Exception {
        for (Destination d : destinations.all()) {
            if (d.kind() == Destination.Kind.ROUTE) {
                continue; // a partner route drains its own subscription (outbox: consumer)
            }
            TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(context,
                            d.kind() == Destination.Kind.MQTT ? "outbox-relay-mqtt" : "outbox-relay-http")
                    .routeId("relay-" + d.name())
                    .parameter("destination", d.name())
                    .parameter("pollMs", String.valueOf(pollMs));
            if (d.kind() == Destination.Kind.HTTP) {
                builder.parameter("url", d.url());
            }
            // routes added after start are not started by the supervising route controller on their own
            context.getRouteController().startRoute(builder.add());
        }
    }
}
