package io.linehub.scan;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which remote addresses may open a connection to the TCP scanner listener: IPv4 and IPv6 addresses and
 * CIDR ranges. The word {@code devices} stands for the {@code address}es of the TCP scanners in
 * devices.yaml (the prod default), so plant IT lists a scanner once. Empty or {@code *} allows everyone.
 */
public final class TcpAllowList {

    public static final String DEVICES = "devices";

    private final List<IpSubnetFilterRule> ranges;
    private final List<String> entries;
    private final boolean everyone;

    private TcpAllowList(List<IpSubnetFilterRule> ranges, List<String> entries, boolean everyone) {
        this.ranges = List.copyOf(ranges);
        this.entries = List.copyOf(entries);
        this.everyone = everyone;
    }

    public static TcpAllowList everyone() {
        return new TcpAllowList(List.of(), List.of(), true);
    }

    /**
     * @param spec comma-separated addresses, CIDRs and the word {@code devices}
     * @param deviceAddresses the addresses {@code devices} stands for
     * @throws IllegalArgumentException naming the first entry that is not an IP literal or CIDR: a host name
     *                                  would need DNS at every accept, and a typo must not open the port
     */
    public static TcpAllowList parse(String spec, Collection<String> deviceAddresses) {
        if (spec == null || spec.isBlank() || spec.trim().equals("*")) {
            return everyone();
        }
        List<String> entries = new ArrayList<>();
        for (String part : spec.split(",")) {
            String entry = part.trim();
            if (entry.equalsIgnoreCase(DEVICES)) {
                deviceAddresses.forEach(a -> entries.add(a.trim()));
            } else if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        List<IpSubnetFilterRule> ranges = new ArrayList<>();
        for (String entry : entries) {
            ranges.add(range(entry));
        }
        return new TcpAllowList(ranges, entries, false);
    }

    private static IpSubnetFilterRule range(String entry) {
        int slash = entry.indexOf('/');
        String ip = slash < 0 ? entry : entry.substring(0, slash);
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        boolean v4 = NetUtil.isValidIpV4Address(ip);
        if (!v4 && !NetUtil.isValidIpV6Address(ip)) {
            throw new IllegalArgumentException("TCP allow-list entry '" + entry + "' is not an IP address or CIDR");
        }
        int max = v4 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("TCP allow-list entry '" + entry + "' has a prefix outside 0-" + max);
            }
        }
        return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
    }

    public boolean allows(InetAddress address) {
        if (everyone) {
            return true;
        }
        InetSocketAddress remote = new InetSocketAddress(address, 0);
        return ranges.stream().anyMatch(r -> r.matches(remote));
    }

    public boolean allowsEveryone() {
        return everyone;
    }

    /** The entries as configured, with {@code devices} expanded: for the start-up log. */
    public List<String> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return everyone ? "everyone" : entries.isEmpty() ? "nobody" : String.join(", ", entries);
    }
}
