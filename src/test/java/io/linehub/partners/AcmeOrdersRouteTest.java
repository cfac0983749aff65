package io.linehub.partners;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linehub.e2e.PartnerRouteKit;
import io.linehub.sim.EventReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route test kit's example (docs/route-test-kit.md): one partner route, tested on a real hub. */
class AcmeOrdersRouteTest {

    private static final Path ROUTE = Path.of("src/test/resources/route-fixtures/partner-orders.camel.yaml");

    @Test
    void an_order_is_posted_to_the_partner_as_an_acme_order_event() throws Exception {
        try (EventReceiver acme = new EventReceiver(0, "/acme/orders", true)) {
            acme.start();
            try (PartnerRouteKit kit = PartnerRouteKit.start(Map.of("partner.acme.url", acme.url()), ROUTE)) {
                kit.send("direct:partner-acme-orders", "", Map.of("orderId", "order-4711",
                        "orderedAt", "2026-11-21T10:15:30+01:00", "line", "line1"));
                await().atMost(Duration.ofSeconds(10)).until(() -> acme.distinctCount() == 1);
                assertEquals("acme.order", acme.events().get(0).type());
                assertEquals("order-4711", acme.events().get(0).eventId());
                assertEquals("line1", acme.events().get(0).line());
            }
        }
    }
}
