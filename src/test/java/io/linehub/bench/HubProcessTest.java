package io.linehub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HubProcessTest {

    @Test
    void cpu_ticks_are_utime_plus_stime_even_when_the_command_name_holds_spaces_and_parentheses() {
        String stat = "4242 (java (hub) x) S 1 4242 4242 0 -1 4194560 120 0 0 0 1500 250 0 0 20 0 42 0 99 "
                + "5000000000 100000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertEquals(1750, HubProcess.cpuTicks(stat));
    }

    @Test
    void peak_rss_is_read_from_vm_hwm() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  412345 kB",
                "VmRSS:\t 400000 kB");
        assertEquals(412_345, HubProcess.peakRssKb(status));
        assertEquals(0, HubProcess.peakRssKb(List.of("Name:\tjava")));
    }
}
