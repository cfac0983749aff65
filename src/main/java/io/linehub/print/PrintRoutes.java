package io.linehub.print;

import io.linehub.cluster.ClusterBeans;
import io.linehub.cluster.Ownership;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** Makes one printer-queue route per printer from the template in routes/printer-queue.camel.yaml. */
public final class PrintRoutes {

    private PrintRoutes() {
    }

    /** The printer-queue route of a printer, as ownership and its fence know it. */
    public static String routeId(String printer) {
        return "printer-queue-" + printer;
    }

    public static void install(CamelContext context, PrinterQueues queues, int pollMs) throws Exception {
        Ownership ownership = ClusterBeans.ownership(context);
        for (String printer : queues.printers()) {
            String id = TemplatedRouteBuilder.builder(context, "printer-queue").routeId(routeId(printer))
                    .parameter("printer", printer).parameter("pollMs", String.valueOf(pollMs)).add();
            if (ownership != null) {
                // in a cluster one hub owns a printer; a new owner first fails what the old one left mid-write,
                // and a hub that lost it closes its connection (port 9100 serves one client: the new owner's)
                ownership.register(new Ownership.Resource(id, () -> queues.takeOver(printer),
                        () -> queues.release(printer)));
                continue;
            }
            context.getRouteController().startRoute(id);
        }
    }
}
