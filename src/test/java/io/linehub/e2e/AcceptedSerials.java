package io.linehub.e2e;

import io.linehub.sim.DemoCatalog;
import io.linehub.sim.EventReceiver;
import io.linehub.sim.ReceivedEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What an ERP receiver got as scan.accepted, counted by serial: the figures every load-under-fault test asserts. */
final class AcceptedSerials {

    private AcceptedSerials() {
    }

    /** The serials of demo catalog items {@code first} .. {@code first + count - 1}. */
    static Set<String> serials(int first, int count) {
        Set<String> s = new HashSet<>();
        for (int i = first; i < first + count; i++) {
            s.add(DemoCatalog.item(i).serial());
        }
        return s;
    }

    /** The serials of {@code range} the receiver got as accepted, each once however often it came. */
    static Set<String> accepted(EventReceiver erp, Set<String> range) {
        Set<String> accepted = new HashSet<>();
        for (ReceivedEvent e : erp.events()) {
            if ("scan.accepted".equals(e.type()) && range.contains(e.serial())) {
                accepted.add(e.serial());
            }
        }
        return accepted;
    }

    /**
     * Serials accepted under more than one eventId, with one accepted event per id: a scan recorded twice,
     * never a relay repeat (that carries the same eventId).
     */
    static Map<String, List<ReceivedEvent>> acceptedTwice(EventReceiver erp, Set<String> range) {
        Map<String, List<ReceivedEvent>> bySerial = new TreeMap<>();
        Map<String, Set<String>> ids = new TreeMap<>();
        for (ReceivedEvent e : erp.events()) {
            if ("scan.accepted".equals(e.type()) && range.contains(e.serial())
                    && ids.computeIfAbsent(e.serial(), k -> new HashSet<>()).add(e.eventId())) {
                bySerial.computeIfAbsent(e.serial(), k -> new ArrayList<>()).add(e);
            }
        }
        bySerial.values().removeIf(events -> events.size() < 2);
        return bySerial;
    }
}
