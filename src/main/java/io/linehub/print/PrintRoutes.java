package io.linehub.print;

import io.linehub.cluster.ClusterBeans;
import io.linehub.cluster.Ownership;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** Makes one printer-queue route per printer from the template in routes/printer-queue.camel.yaml. */
public final class PrintRoutes {

    private PrintRoutes() {
    }

    public static void install(CamelContext context, PrinterQueues queues, int pollMs) throws Exception {
        Ownership ownership = ClusterBeans.ownership(context);
        for (String printer : queues.printers()) {
            String id = TemplatedRouteBuilder.builder(context, "printer-queue").routeId("printer-queue-" + printer)
                    .parameter("printer", printer).parameter("pollMs", String.valueOf(pollMs)).add();
            if (ownership != null) {
                // in a cluster one hub owns a printer; a new owner first fails what the old one left mid-write
                ownership.register(new Ownership.Resource(id, () -> queues.takeOver(printer)));
                continue;
            }
            context.getRouteController().startRoute(id);
        }
    }
}
