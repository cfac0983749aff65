package io.linehub.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** linehub.tcp.allow as plant IT writes it: addresses, CIDRs, IPv4 and IPv6, and "devices". */
class TcpAllowListTest {

    private static boolean allows(TcpAllowList list, String address) throws Exception {
        return list.allows(InetAddress.getByName(address));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "*", " * "})
    void should_allow_everyone_when_empty_or_star(String spec) throws Exception {
        TcpAllowList list = TcpAllowList.parse(spec, List.of());
        assertTrue(list.allowsEveryone(), "everyone for '" + spec + "'");
        assertTrue(allows(list, "203.0.113.9") && allows(list, "2001:db8::1"), "any address");
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "10.1.2.3|10.1.2.3|true",
        "10.1.2.3|10.1.2.4|false",
        "10.1.2.0/24|10.1.2.255|true",
        "10.1.2.0/24|10.1.3.0|false",
        "10.1.2.77/24|10.1.2.1|true",
        "0.0.0.0/0|198.51.100.1|true",
        "2001:db8::/32|2001:db8:ffff::1|true",
        "2001:db8::/32|2001:db9::1|false",
        "::1|::1|true",
        "[fe80::1]/64|fe80::abcd|true",
        "10.0.0.0/8, 2001:db8::/32|2001:db8::5|true",
        "10.0.0.0/8|::ffff:10.0.0.1|true",
        "2001:db8::/32|10.0.0.1|false"})
    void should_match_addresses_and_ranges(String spec, String address, boolean allowed) throws Exception {
        assertEquals(allowed, allows(TcpAllowList.parse(spec, List.of()), address), spec + " vs " + address);
    }

    @Test
    void should_expand_devices_to_the_tcp_scanners_addresses() throws Exception {
        TcpAllowList list = TcpAllowList.parse("devices, 10.9.0.0/16", List.of("127.0.0.1", "192.168.7.20"));
        assertEquals(List.of("127.0.0.1", "192.168.7.20", "10.9.0.0/16"), list.entries(), "expanded in place");
        assertTrue(allows(list, "192.168.7.20") && allows(list, "10.9.3.4"), "devices and the extra range");
        assertFalse(allows(list, "192.168.7.21"), "a neighbour of a device is not a device");
    }

    @Test
    void should_allow_nobody_when_devices_lists_no_tcp_scanner() throws Exception {
        TcpAllowList list = TcpAllowList.parse("devices", List.of());
        assertFalse(list.allowsEveryone(), "not an open door");
        assertFalse(allows(list, "127.0.0.1"), "nobody");
        assertEquals("nobody", list.toString(), "the start-up log says so");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"scanner.plant.local", "10.1.2", "10.1.2.3/33", "2001:db8::/129", "10.0.0.0/x",
        "10.0.0.0/-1", "300.1.1.1"})
    void should_refuse_what_is_not_an_address_or_cidr(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TcpAllowList.parse("127.0.0.1," + spec, List.of()), spec);
        assertTrue(e.getMessage().contains(spec), "names the entry: " + e.getMessage());
    }
}
