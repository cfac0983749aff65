package io.linehub.packing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Collects the reads of one device into a case group (a list of {@link CaseItem} maps). A scanner's
 * case label closes the group before it (pre-completion), so "label, units, label, units" packs two
 * cases; a portal's group closes only when the device goes quiet (the route's completion timeout).
 */
public final class CaseReadStrategy implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange group, Exchange read) {
        Map<String, String> item = item(read);
        if (group == null) {
            ArrayList<Map<String, String>> items = new ArrayList<>();
            items.add(item);
            read.getMessage().setBody(items);
            return read;
        }
        items(group).add(item);
        return group;
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    /** A scanned case label ends the open sequence: whatever was scanned before belongs to the earlier case. */
    @Override
    public boolean preComplete(Exchange group, Exchange read) {
        if (group == null) {
            return false;
        }
        Map<String, String> item = item(read);
        return Boolean.parseBoolean(item.get("sequence")) && item.get("sscc") != null && !items(group).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> item(Exchange read) {
        return read.getMessage().getBody(Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, String>> items(Exchange group) {
        return group.getMessage().getBody(List.class);
    }
}
