package io.linehub.relay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The configured destinations ({@code linehub.destination.<name>.*}); one with an empty url is off. */
public final class Destinations {

    public static final String MQTT_EVENTS = "mqtt-events";

    // partner subscriptions join while the hub runs; readers see a consistent snapshot
    private volatile List<Destination> all;

    public Destinations(List<Destination> all) {
        this.all = List.copyOf(all);
    }

    /**
     * Adds or updates a partner route's subscription; from now on each recorded event it takes gets a
     * pending delivery for it.
     *
     * @throws IllegalArgumentException when the name belongs to a configured destination
     */
    public synchronized void subscribe(Destination subscription) {
        List<Destination> next = new ArrayList<>();
        for (Destination d : all) {
            if (d.name().equals(subscription.name())) {
                if (d.kind() != Destination.Kind.ROUTE) {
                    throw new IllegalArgumentException("subscription " + d.name()
                            + " has the name of a configured destination");
                }
                continue;
            }
            next.add(d);
        }
        next.add(subscription);
        all = List.copyOf(next);
    }

    public synchronized void unsubscribe(String name) {
        all = all.stream().filter(d -> d.kind() != Destination.Kind.ROUTE || !d.name().equals(name)).toList();
    }

    public java.util.Optional<Destination> byName(String name) {
        return all.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** @param property resolves a property key to its value, or null when unset */
    public static Destinations fromProperties(Function<String, String> property) {
        List<Destination> list = new ArrayList<>();
        for (String name : split(property.apply("linehub.destinations"), ",")) {
            String prefix = "linehub.destination." + name + ".";
            String url = property.apply(prefix + "url");
            if (url == null || url.isBlank()) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String pair : split(property.apply(prefix + "headers"), ";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    headers.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            String batch = property.apply(prefix + "batch-size");
            String format = property.apply(prefix + "format") == null ? Destination.FORMAT_JSON
                    : property.apply(prefix + "format").trim();
            if (!Destination.FORMAT_JSON.equals(format) && !Destination.FORMAT_EPCIS.equals(format)) {
                throw new IllegalArgumentException("destination " + name + ": format " + format
                        + " is not one of json, epcis");
            }
            list.add(new Destination(name, Destination.Kind.HTTP, url.trim(),
                    new LinkedHashSet<>(split(property.apply(prefix + "types"), ",")),
                    new LinkedHashSet<>(split(property.apply(prefix + "lines"), ",")), format, batch == null ? 1 : Integer.parseInt(batch.trim()), headers,
                    property.apply(prefix + "auth-env")));
        }
        if (!"false".equalsIgnoreCase(String.valueOf(property.apply("linehub.relay.mqtt-events")))) {
            list.add(new Destination(MQTT_EVENTS, Destination.Kind.MQTT, null, Set.of("*"), Set.of(), "json", 500,
                    Map.of(), null));
        }
        return new Destinations(list);
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public List<Destination> all() {
        return all;
    }

    public List<Destination> taking(String type, String line) {
        return all.stream().filter(d -> d.takes(type, line)).toList();
    }
}
