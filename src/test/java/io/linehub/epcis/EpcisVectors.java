package io.linehub.epcis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The shared EPCIS reference documents ({@code linehub.shared.dir}/vectors/epcis). */
final class EpcisVectors {

    static final String COMMISSIONING = "01-commissioning-objectevent.json";
    static final String PACKING = "02-packing-aggregationevent.json";
    static final String SHIPPING = "03-shipping-objectevent.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EpcisVectors() {
    }

    static Path path(String name) {
        return Path.of(System.getProperty("linehub.shared.dir", "../shared"), "vectors", "epcis", name);
    }

    static ObjectNode read(String name) {
        try {
            return (ObjectNode) JSON.readTree(path(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode firstEvent(ObjectNode document) {
        return (ObjectNode) document.path("epcisBody").path("eventList").get(0);
    }
}
