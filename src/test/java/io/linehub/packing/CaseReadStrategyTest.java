package io.linehub.packing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class CaseReadStrategyTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final CaseReadStrategy strategy = new CaseReadStrategy();

    private Exchange read(boolean sequence, String sscc, String serial) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setBody(new CaseItem("d", "line1", "case-packing", sequence, sscc, serial == null ? null
                : "09501101530003", serial, null, null, null, Instant.EPOCH).toMap());
        return e;
    }

    @Test
    void should_collect_reads_in_order() {
        Exchange group = strategy.aggregate(null, read(false, "106141410000000011", null));
        group = strategy.aggregate(group, read(false, null, "1"));
        assertEquals(2, CaseReadStrategy.items(group).size());
        assertEquals("1", CaseReadStrategy.items(group).get(1).get("serial"));
    }

    @Test
    void should_close_a_scanner_case_at_the_next_label_but_not_a_portal_window() {
        Exchange scanner = strategy.aggregate(null, read(true, "106141410000000011", null));
        scanner = strategy.aggregate(scanner, read(true, null, "1"));
        assertTrue(strategy.preComplete(scanner, read(true, "106141410000000028", null)), "next label");
        assertFalse(strategy.preComplete(scanner, read(true, null, "2")), "a unit joins");
        Exchange portal = strategy.aggregate(null, read(false, "106141410000000011", null));
        assertFalse(strategy.preComplete(portal, read(false, "106141410000000028", null)),
                "a second case tag in a portal window makes the window ambiguous, it does not split it");
    }
}
