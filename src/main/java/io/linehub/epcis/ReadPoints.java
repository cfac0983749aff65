package io.linehub.epcis;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read point of a device: configured, or else the site's SGLN with the device id as its
 * extension, so each device still gets a distinct, stable read point without configuration.
 */
final class ReadPoints {

    /** {@code urn:epc:id:sgln:{company prefix}.{location reference}.{extension}}; the reference may be empty. */
    private static final Pattern SGLN = Pattern.compile("(urn:epc:id:sgln:\\d+\\.\\d*\\.).+");

    private final String bizLocation;
    private final Map<String, String> configured;

    ReadPoints(String bizLocation, Map<String, String> configured) {
        this.bizLocation = bizLocation;
        this.configured = configured;
    }

    String of(String device) {
        if (!EpcIdentifiers.present(device)) {
            return bizLocation;
        }
        String uri = configured.get(device);
        if (uri != null) {
            return uri;
        }
        Matcher sgln = SGLN.matcher(bizLocation);
        return sgln.matches() ? sgln.group(1) + UriComponents.epcComponent(device) : bizLocation;
    }
}
