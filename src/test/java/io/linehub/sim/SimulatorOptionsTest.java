package io.linehub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void defaultsToLoopbackAndTheCommandsPort() {
        assertEquals(new SimulatorOptions("127.0.0.1", 9100), SimulatorOptions.parse(List.of(), 9100));
    }

    @Test
    void takesHostAndPortInAnyOrder() {
        assertEquals(new SimulatorOptions("0.0.0.0", 9200),
                SimulatorOptions.parse(List.of("--port", "9200", "--host", "0.0.0.0"), 9100));
    }

    @Test
    void refusesWhatItDoesNotKnowRatherThanIgnoringIt() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse(List.of("--prot", "1"), 9100));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse(List.of("--port"), 9100));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse(List.of("--port", "x"), 9100));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse(List.of("--port", "70000"), 9100));
    }
}
