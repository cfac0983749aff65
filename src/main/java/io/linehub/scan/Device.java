package io.linehub.scan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One line device from {@code config/devices.yaml}; more keys than these are allowed there. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Device(String id, String kind, String line, String station, String transport, String address,
                     String host, Integer port, String template, Integer dpi) {

    public boolean isPrinter() {
        return "printer".equals(kind);
    }

    public boolean isScanner() {
        return "scanner".equals(kind);
    }
}
