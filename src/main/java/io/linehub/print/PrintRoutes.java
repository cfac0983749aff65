package io.linehub.print;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** Makes one printer-queue route per printer from the template in routes/printer-queue.camel.yaml. */
public final class PrintRoutes {

    private PrintRoutes() {
    }

    public static void install(CamelContext context, PrinterQueues queues, int pollMs) throws Exception {
        for (String printer : queues.printers()) {
            String id = TemplatedRouteBuilder.builder(context, "printer-queue").routeId("printer-queue-" + printer)
                    .parameter("printer", printer).parameter("pollMs", String.valueOf(pollMs)).add();
            context.getRouteController().startRoute(id);
        }
    }
}
