package io.linehub.scan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line device from {@code config/devices.yaml}; more keys than these are allowed there.
 *
 * @param readPoint the EPCIS read point the device stands for (an SGLN URI), when not derived from the site's
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Device(String id, String kind, String line, String station, String transport, String address,
                     String host, Integer port, String template, Integer dpi,
                     @JsonProperty("read-point") String readPoint) {

    public boolean isPrinter() {
        return "printer".equals(kind);
    }

    public boolean isScanner() {
        return "scanner".equals(kind);
    }
}
