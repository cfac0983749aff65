package io.linehub.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linehub.print.PrinterQueue;
import org.junit.jupiter.api.Test;

class PrinterStateTest {

    @Test
    void should_name_the_state_an_operator_acts_on() {
        assertEquals("ready", PrinterState.of("ready"));
        assertEquals("paused", PrinterState.of(PrinterQueue.PAUSED));
        assertEquals("paper out", PrinterState.of("not ready: paper out, head open"));
        assertEquals("head open", PrinterState.of("not ready: head open"));
        assertEquals("paused", PrinterState.of("not ready: paused"));
        assertEquals("silent", PrinterState.of("not ready: no answer to ~HS"));
        assertEquals("unreachable", PrinterState.of("unreachable: Connection refused (retry in 500 ms)"));
        assertEquals("not ready", PrinterState.of("not ready: ribbon out"));
        assertEquals("unknown", PrinterState.of("unknown"));
    }
}
